package io.tether.client.jstp.internal;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientTimeoutException;
import io.tether.client.ConnectionState;
import io.tether.client.jstp.JstpApp;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.codec.jstp.JstpMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Handshakes (request, reply, and the restore {@code session:[id, receivedCount]}): new sessions,
 * the restore after a reconnect with its accounting (drop acknowledged, fail pending ids ≤ n with
 * −1, resend the rest in order), and the fallback to a new session when the server answers the
 * restore with {@code [11]}. Event loop only.
 */
final class JstpHandshakes {
    private final JstpLink link;
    private final Supplier<CompletableFuture<Channel>> connect;
    private final Duration timeout;
    private CompletableFuture<JstpMessage.HandshakeReply> reply;

    JstpHandshakes(JstpLink link, Supplier<CompletableFuture<Channel>> connect, Duration timeout) {
        this.link = link;
        this.connect = connect;
        this.timeout = timeout;
    }

    /** A new session on the current transport. */
    void newSession(JstpApp app, String strategy, Object credentials, String login, CompletableFuture<String> result) {
        if (link.handshakeDone) {
            result.completeExceptionally(new IllegalStateException("handshake already done"));
            return;
        }
        send(new JstpMessage.HandshakeRequest(0, app.name(), app.version(), strategy, credentials))
                .thenAcceptAsync(r -> {
                    if (r.ok() instanceof String sid) {
                        start(new ClientSession(sid, app, strategy, credentials, login));
                        link.setState(ConnectionState.CONNECTED);
                        link.dispatcher.complete(result, sid);
                    } else {
                        link.dispatcher.fail(result, error(r));
                    }
                }, link.loop).exceptionally(e -> fail(result, e));
    }

    /** Restores a session known by id on the current transport. */
    void restoreKnown(JstpApp app, String sessionId, CompletableFuture<String> result) {
        if (link.session == null) {
            link.session = new ClientSession(sessionId, app, null, null, null);
        }
        send(restoreRequest()).thenAcceptAsync(r -> {
            if (r.ok() instanceof Number n) {
                applyRestore(n.longValue(), ConnectionState.CONNECTED);
                link.dispatcher.complete(result, link.session.id());
            } else {
                link.dispatcher.fail(result, error(r));
            }
        }, link.loop).exceptionally(e -> fail(result, e));
    }

    /** One reconnection attempt: new transport, restore, or a new session after {@code [11]}. */
    CompletableFuture<?> restoreOrRenew() {
        link.restoring = true;
        link.setState(ConnectionState.RECONNECTING);
        return connect.get()
                .thenComposeAsync(ch -> send(restoreRequest()), link.loop)
                .thenComposeAsync(r -> {
                    if (r.ok() instanceof Number n) {
                        applyRestore(n.longValue(), ConnectionState.RECONNECTED);
                        return CompletableFuture.completedFuture(null);
                    }
                    JstpRemoteException e = r.error() == null ? new JstpRemoteException(JstpRemoteException.AUTH_FAILED)
                            : JstpRemoteException.fromWire(r.error());
                    return e.code() == JstpRemoteException.AUTH_FAILED ? renew() : CompletableFuture.failedFuture(e);
                }, link.loop);
    }

    private void applyRestore(long serverReceived, ConnectionState reached) {
        ClientSession s = link.session;
        link.publish(s);
        s.acknowledged(serverReceived);
        link.pending.failWhere(id -> id <= serverReceived, new JstpRemoteException(JstpRemoteException.CALLBACK_LOST));
        link.handshakeDone = true;
        link.restoring = false;
        for (String text : s.unacknowledged()) {
            link.write(text);
        }
        link.restartHeartbeat();
        String id = s.id();
        link.emit(l -> {
            l.onRestored(id, serverReceived);
            l.onHandshake(null, id);
        });
        link.setState(reached);
    }

    private CompletableFuture<Void> renew() {
        ClientSession old = link.session;
        return connect.get()
                .thenComposeAsync(ch -> send(new JstpMessage.HandshakeRequest(0, old.app().name(),
                        old.app().version(), old.strategy(), old.credentials())), link.loop)
                .thenAcceptAsync(r -> {
                    if (!(r.ok() instanceof String sid)) {
                        throw error(r);
                    }
                    int failed = link.pending.failAll(new JstpRemoteException(JstpRemoteException.CALLBACK_LOST));
                    start(new ClientSession(sid, old.app(), old.strategy(), old.credentials(), old.username()));
                    link.emit(l -> l.onSessionReset(old.id(), sid, failed));
                    link.setState(ConnectionState.RECONNECTED);
                }, link.loop);
    }

    private void start(ClientSession s) {
        link.publish(s);
        link.handshakeDone = true;
        link.restoring = false;
        link.restartHeartbeat();
        link.emit(l -> l.onHandshake(null, s.id()));
    }

    private JstpMessage.HandshakeRequest restoreRequest() {
        ClientSession s = link.session;
        return new JstpMessage.HandshakeRequest(0, s.app().name(), s.app().version(), "session",
                List.of(s.id(), s.receivedCount()));
    }

    /** Sends a handshake request (never buffered) and waits for the reply with a deadline. */
    private CompletableFuture<JstpMessage.HandshakeReply> send(JstpMessage.HandshakeRequest request) {
        Channel ch = link.channel;
        if (ch == null || !ch.isActive()) {
            return CompletableFuture.failedFuture(new JstpRemoteException(JstpRemoteException.NO_HANDSHAKE_RESPONSE));
        }
        CompletableFuture<JstpMessage.HandshakeReply> r = new CompletableFuture<>();
        reply = r;
        ScheduledFuture<?> deadline = link.loop.schedule(() -> {
            if (r.completeExceptionally(new ClientTimeoutException("no handshake reply in time"))) {
                ch.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        r.whenComplete((x, e) -> deadline.cancel(false));
        link.write(request);
        return r;
    }

    /** A handshake reply arrived; false if none was expected. Closes after an error reply. */
    boolean onReply(JstpMessage.HandshakeReply r) {
        CompletableFuture<JstpMessage.HandshakeReply> f = reply;
        reply = null;
        if (f == null || !f.complete(r)) {
            return false;
        }
        if (r.error() != null) {
            link.channel.close();
        }
        return true;
    }

    /** The transport closed: a handshake still waiting fails with −2. */
    void transportClosed() {
        if (reply != null) {
            reply.completeExceptionally(new JstpRemoteException(JstpRemoteException.NO_HANDSHAKE_RESPONSE));
            reply = null;
        }
    }

    private JstpRemoteException error(JstpMessage.HandshakeReply r) {
        JstpRemoteException e = r.error() != null ? JstpRemoteException.fromWire(r.error())
                : new JstpRemoteException(JstpRemoteException.AUTH_FAILED, "unexpected handshake reply", null);
        link.emit(l -> l.onHandshake(e, null));
        return e;
    }

    private Void fail(CompletableFuture<?> result, Throwable e) {
        link.dispatcher.fail(result, DefaultJstpClient.unwrap(e));
        return null;
    }
}
