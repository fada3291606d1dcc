package io.tether.client.jstp.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientException;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.internal.Dispatcher;
import io.tether.client.internal.PendingCalls;
import io.tether.client.jstp.JstpClientListener;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessages;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The state one JSTP client shares between its parts (handshakes, inbound handling, API):
 * the current channel, the session, the pending calls, and the rule for sending an
 * originated message (buffer always, write only when connected, handshaken and not
 * restoring). Fields without {@code volatile} are confined to the client's event loop.
 */
final class JstpLink {
    final EventLoop loop;
    final Dispatcher dispatcher;
    final JstpMessages codec = JstpMessages.defaults();
    final PendingCalls<Long, JstpMessage> pending;
    private final JstpClientListener listener;
    private final int maxBuffered;
    Channel channel;
    ClientSession session;
    boolean restoring;
    boolean closing;
    private ScheduledFuture<?> heartbeat;
    private Duration heartbeatInterval;
    volatile boolean handshakeDone;
    volatile ConnectionState state;
    volatile SocketAddress remoteAddress;
    volatile String sessionId;
    volatile String username;
    volatile String application;

    JstpLink(EventLoop loop, Dispatcher dispatcher, JstpClientListener listener, Duration heartbeatInterval,
             int maxBuffered) {
        this.maxBuffered = maxBuffered;
        this.loop = loop;
        this.dispatcher = dispatcher;
        this.listener = listener;
        this.heartbeatInterval = heartbeatInterval;
        this.pending = new PendingCalls<>(loop, dispatcher, d -> { });
    }

    /** Makes {@code s} the session and publishes its properties. */
    void publish(ClientSession s) {
        session = s;
        sessionId = s.id();
        username = s.username();
        application = s.app().toString();
    }

    boolean terminal() {
        return closing || state == ConnectionState.RECONNECT_FAILED || state == ConnectionState.CLOSED;
    }

    /**
     * Numbers, serializes and buffers an originated message, registers its reply (when
     * {@code timeout} is not null) and writes it if it can go out now.
     */
    <T> CompletableFuture<T> originate(String description, Duration timeout, LongFunction<JstpMessage> make) {
        CompletableFuture<T> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (terminal()) {
                result.completeExceptionally(new ConnectionLostException("client closed"));
                return;
            }
            if (session == null) {
                result.completeExceptionally(new IllegalStateException("no session: perform a handshake first"));
                return;
            }
            if (session.buffered() >= maxBuffered) {
                result.completeExceptionally(new ClientException("session buffer full: " + maxBuffered
                        + " messages not yet acknowledged by the server"));
                return;
            }
            String text = codec.toMdsf(make.apply(session.peekNextId())); // may throw: no id consumed
            long messageId = session.nextId();
            session.buffer(messageId, text);
            if (timeout != null) {
                @SuppressWarnings("unchecked")
                CompletableFuture<JstpMessage> raw = (CompletableFuture<JstpMessage>) (CompletableFuture<?>) result;
                pending.register(messageId, description, timeout, raw);
            } else {
                result.complete(null);
            }
            if (canSend()) {
                write(text);
            }
        });
        return result;
    }

    boolean canSend() {
        return channel != null && channel.isActive() && handshakeDone && !restoring;
    }

    /** Writes a message or pre-serialized text on the current channel. */
    void write(Object message) {
        channel.writeAndFlush(message);
        String text = message instanceof String s ? s : codec.toMdsf((JstpMessage) message);
        emit(l -> l.onOutgoingMessage(text));
    }

    void emit(Consumer<JstpClientListener> event) {
        dispatcher.listener(() -> event.accept(listener));
    }

    void setState(ConnectionState s) {
        state = s;
        emit(l -> l.onStateChange(s));
    }

    void onLoop(CompletableFuture<?> result, Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) { // e.g. an argument mdsf cannot represent: fail, never hang
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionLostException("client closed"));
        }
    }

    void heartbeatInterval(Duration interval) {
        heartbeatInterval = interval;
        restartHeartbeat();
    }

    /** (Re)starts the heartbeat pings if an interval is set and the session is up. */
    void restartHeartbeat() {
        cancelHeartbeat();
        if (heartbeatInterval != null && handshakeDone) {
            long nanos = heartbeatInterval.toNanos();
            heartbeat = loop.scheduleAtFixedRate(() -> {
                if (canSend()) {
                    this.<Void>originate("heartbeat", null, JstpMessage.Ping::new);
                }
            }, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }
}
