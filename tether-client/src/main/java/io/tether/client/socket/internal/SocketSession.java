package io.tether.client.socket.internal;

import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.tether.client.ClientException;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.internal.ClientTransport;
import io.tether.client.internal.Dispatcher;
import io.tether.client.internal.Reconnector;
import io.tether.client.socket.DisconnectedPolicy;
import io.tether.client.socket.SocketClientListener;
import io.tether.client.socket.SocketClientOptions;
import io.tether.client.socket.SocketRemoteException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lifecycle of a socket client: connecting (welcome, detailsView), the current
 * connection, reconnection with restore of params and rooms, calls waiting for it, and
 * closing. All mutable state is confined to the client's event loop.
 */
final class SocketSession {
    private final SocketClientOptions options;
    private final ClientTransport transport;
    private final EventLoop loop;
    private final Dispatcher dispatcher;
    private final SslContext ssl;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SocketClientListener listener;
    private final StickyState sticky = new StickyState();
    private final WaitingCalls waiting;
    private final Reconnector reconnector;
    private final SocketInbound inbound;
    private SocketConnection connection;
    private SocketReplyDecoder decoder;
    private boolean ready;
    private boolean closing;
    private volatile ConnectionState state;
    private volatile String id;
    private volatile String welcome;

    SocketSession(SocketClientOptions options) {
        this.options = options;
        this.listener = options.listener();
        this.transport = new ClientTransport("tether-socket-client", options.eventLoopGroup());
        this.loop = transport.loop();
        this.dispatcher = new Dispatcher("tether-socket-client");
        this.ssl = options.tls() == null ? null : options.tls().newContext();
        this.waiting = new WaitingCalls(loop, dispatcher);
        this.reconnector = new Reconnector(loop, options.reconnect(), () -> open(true), new ReconnectEvents());
        this.inbound = new SocketInbound(json, this::emit, text -> welcome = text);
    }

    /** Connects a new session (see {@link io.tether.client.socket.SocketClient#connect}). */
    static CompletableFuture<SocketSession> connect(SocketClientOptions options) {
        SocketSession session = new SocketSession(options);
        return session.open(false).handle((v, err) -> {
            if (err != null) {
                session.shutdown();
                throw new CompletionException(err instanceof ClientException ? err
                        : new ConnectionLostException("cannot connect: " + err, unwrap(err)));
            }
            return session;
        });
    }

    /**
     * Connects and, once welcomed, restores state (on reconnection) and runs detailsView. The
     * connection and its handler are installed when the channel is initialized, before any
     * byte can arrive, so the welcome is never missed.
     */
    private CompletableFuture<Void> open(boolean restore) {
        SocketConnection[] created = new SocketConnection[1];
        return transport.connect(options.host(), options.port(), ssl, options.connectTimeout(), p -> {
            SocketConnection conn = new SocketConnection(p.channel(), json, dispatcher, this::timedOut);
            created[0] = conn;
            connection = conn;
            decoder = new SocketReplyDecoder(options.maxLineBytes());
            p.addLast("replies", decoder);
            p.addLast("client", new SocketClientHandler(this, conn));
        }).thenComposeAsync(ch -> created[0].welcome(), loop)
                .thenComposeAsync(w -> restore ? sticky.restore(created[0], options.requestTimeout(), this::cannotRejoin)
                        : CompletableFuture.completedFuture(null), loop)
                .thenComposeAsync(v -> created[0].sendVerb("detailsView", options.requestTimeout()), loop)
                .thenAcceptAsync(details -> ready(details, restore), loop)
                .orTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cannotRejoin(String room, String error) {
        emit(l -> l.onError(new SocketRemoteException("cannot rejoin " + room + ": " + error, null)));
    }

    private void ready(Received details, boolean restored) {
        JsonNode data = details.body().get("data");
        id = data == null || data.get("id") == null ? null : data.get("id").asString();
        ready = true;
        setState(restored ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED);
        waiting.flush();
    }

    void onLine(SocketConnection conn, String line) {
        inbound.onLine(conn, line);
    }

    void onInactive(SocketConnection conn) {
        if (conn != connection) {
            return;
        }
        boolean wasReady = ready;
        ready = false;
        conn.failAll(new ConnectionLostException("connection closed before the reply arrived"));
        conn.welcome().completeExceptionally(new ConnectionLostException("connection closed before the welcome"));
        emit(SocketClientListener::onEnd);
        if (closing || !wasReady) {
            return;
        }
        if (reconnector.enabled()) {
            setState(ConnectionState.DISCONNECTED);
            reconnector.start();
        } else {
            setState(ConnectionState.CLOSED);
            waiting.failAll(new ConnectionLostException("connection lost and reconnection is disabled"));
            shutdown();
        }
    }

    void onTransportError(Throwable cause) {
        emit(l -> l.onError(cause));
    }

    private void timedOut(String description) {
        emit(l -> l.onTimeout(description));
    }

    private void setState(ConnectionState s) {
        state = s;
        emit(l -> l.onStateChange(s));
    }

    private void emit(java.util.function.Consumer<SocketClientListener> event) {
        dispatcher.listener(() -> event.accept(listener));
    }

    // ---- calls ----

    /**
     * Sends now when connected; otherwise fails fast or waits for the reconnection per policy.
     * A waiting call keeps its deadline: it is sent with whatever time is left.
     */
    <T> CompletableFuture<T> call(Duration timeout,
                                          BiFunction<SocketConnection, Duration, CompletableFuture<T>> send) {
        CompletableFuture<T> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        onLoop(result, () -> {
            if (ready && connection != null) {
                send.apply(connection, timeout).whenComplete((v, e) -> settle(result, v, e));
            } else if (closing || state == ConnectionState.RECONNECT_FAILED || state == ConnectionState.CLOSED
                    || options.whileDisconnected() == DisconnectedPolicy.FAIL_FAST || !reconnector.enabled()) {
                result.completeExceptionally(new ConnectionLostException("not connected"));
            } else {
                waiting.add(timeout, result, () -> send.apply(connection,
                                Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                        .whenComplete((v, e) -> settle(result, v, e)));
            }
        });
        return result;
    }

    private void onLoop(CompletableFuture<?> result, Runnable task) {
        try {
            loop.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) { // never leave a caller waiting
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionLostException("client closed"));
        }
    }

    private static <T> void settle(CompletableFuture<T> f, T v, Throwable e) {
        if (e != null) {
            f.completeExceptionally(unwrap(e));
        } else {
            f.complete(v);
        }
    }

    StickyState sticky() {
        return sticky;
    }

    SocketReplyDecoder decoder() {
        return decoder;
    }

    String id() {
        return id;
    }

    String welcome() {
        return welcome;
    }

    ConnectionState state() {
        return state;
    }


    /** Sends {@code exit}, waits for the close (bounded), fails what is pending. */
    CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (state == ConnectionState.CLOSED || state == ConnectionState.RECONNECT_FAILED) {
            return CompletableFuture.completedFuture(null);
        }
        onLoop(done, () -> {
            if (closing) {
                done.complete(null);
                return;
            }
            closing = true;
            reconnector.stop();
            waiting.failAll(new ConnectionLostException("client closed"));
            SocketConnection conn = connection;
            if (conn == null || !conn.channel().isActive()) {
                finish(done);
                return;
            }
            conn.sendExit();
            conn.channel().closeFuture().addListener(f -> finish(done));
            // the server answers exit with Bye and closes; do not wait long for a busy one
            long graceMillis = Math.min(options.requestTimeout().toMillis(), 1000);
            loop.schedule(() -> conn.channel().close(), graceMillis, TimeUnit.MILLISECONDS);
        });
        return done;
    }

    private void finish(CompletableFuture<Void> done) {
        ready = false;
        if (connection != null) {
            connection.failAll(new ConnectionLostException("client closed"));
        }
        setState(ConnectionState.CLOSED);
        dispatcher.listener(() -> done.complete(null));
        shutdown();
    }

    private void shutdown() {
        dispatcher.listener(() -> {
            transport.close();
            dispatcher.close();
        });
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Reconnector callbacks (event loop). */
    private final class ReconnectEvents implements Reconnector.Callbacks {
        @Override
        public void attempt(int attempt, Duration delay) {
            setState(ConnectionState.RECONNECTING);
            emit(l -> l.onReconnectAttempt(attempt));
        }

        @Override
        public void succeeded(int attempt) {
            // state RECONNECTED is set by ready(); if the new connection already died, start over
            if (!ready && !closing) {
                setState(ConnectionState.DISCONNECTED);
                reconnector.start();
            }
        }

        @Override
        public void attemptFailed(int attempt, Throwable error) {
            emit(l -> l.onError(unwrap(error)));
            if (connection != null) {
                connection.channel().close();
            }
        }

        @Override
        public void gaveUp(Throwable lastError) {
            setState(ConnectionState.RECONNECT_FAILED);
            waiting.failAll(new ConnectionLostException("reconnection failed", unwrap(lastError)));
            shutdown();
        }
    }
}
