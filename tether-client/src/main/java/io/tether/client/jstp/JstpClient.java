package io.tether.client.jstp;

import io.tether.client.ConnectionState;
import io.tether.client.jstp.internal.DefaultJstpClient;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A JSTP (metarhia, protocol v1) client: the connection API of {@code @metarhia/jstp} 2.x in
 * Java idiom, with a session that survives transport loss.
 *
 * <p><b>Session.</b> Originated messages (call, event, inspect, ping) are numbered 1, 2, 3…
 * and kept, serialized, until the server acknowledges them. After an unexpected transport loss
 * the client reconnects (pluggable backoff) and restores the session with
 * {@code {handshake:[0,app],session:[id, receivedCount]}}; on {@code ok:n} it drops what the
 * server received, fails every pending call with id ≤ n with
 * {@link JstpRemoteException#CALLBACK_LOST} (−1), resends the rest byte-identically and
 * continues the ids. Messages originated while offline or while the restore handshake is in
 * flight are held and sent after the reply (never twice). If the server answers the restore
 * with {@code [11]} the client starts a new session with the original credentials, fails
 * pending calls with −1 and reports {@link JstpClientListener#onSessionReset}.
 *
 * <p><b>Deadlines.</b> Calls, inspects and pings fail with
 * {@link io.tether.client.ClientTimeoutException} after the call timeout, with −1 as above,
 * with {@link io.tether.client.ConnectionLostException} when the client is closed or gives up
 * reconnecting. Calls before the first successful handshake fail at once.
 *
 * <pre>{@code
 * try (JstpClient client = JstpClient.connect(JstpClientOptions.defaults(), "testApp")) {
 *     List<Object> r = client.callMethod("calculator", "answer").join(); // [42]
 * }
 * }</pre>
 */
public interface JstpClient extends AutoCloseable {

    /** Opens the transport only; call a {@code handshake} next. Blocks up to the connect timeout. */
    static JstpClient connect(JstpClientOptions options) {
        return DefaultJstpClient.await(DefaultJstpClient.open(options));
    }

    /** Opens the transport and performs an anonymous handshake for {@code app} ({@code name[@range]}). */
    static JstpClient connect(JstpClientOptions options, String app) {
        return DefaultJstpClient.await(connectAsync(options, app));
    }

    /** Non-blocking {@link #connect(JstpClientOptions, String)}. */
    static CompletableFuture<JstpClient> connectAsync(JstpClientOptions options, String app) {
        JstpApp parsed = JstpApp.parse(app);
        return DefaultJstpClient.open(options).thenCompose(c -> c.handshake(parsed)
                .handle((session, err) -> {
                    if (err != null) {
                        c.close();
                        throw DefaultJstpClient.asCompletion(err);
                    }
                    return (JstpClient) c;
                }));
    }

    /**
     * Connects, handshakes and inspects each interface; any failure fails the whole connect
     * (and closes the client). Blocking variants throw the {@link io.tether.client.ClientException}
     * (e.g. {@link JstpRemoteException}) that failed the connect.
     * The proxies are in {@link #remoteProxies()}.
     */
    static JstpClient connectAndInspect(JstpClientOptions options, String app, String... interfaces) {
        JstpClient client = connect(options, app);
        try {
            for (String iface : interfaces) {
                DefaultJstpClient.await(client.inspectInterface(iface));
            }
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Anonymous handshake; completes with the session id. */
    CompletableFuture<String> handshake(String app);

    /** Anonymous handshake for an application given as name and version/range. */
    CompletableFuture<String> handshake(JstpApp app);

    /** Restores session {@code sessionId} on this connection (receivedCount as this client knows it). */
    CompletableFuture<String> handshake(String app, String sessionId);

    /** Handshake with the {@code login} strategy. */
    CompletableFuture<String> handshake(String app, String login, String password);

    /** Inspects a remote interface; the proxy is kept in {@link #remoteProxies()}. */
    CompletableFuture<RemoteProxy> inspectInterface(String iface);

    /** Calls {@code iface.method(args…)}; completes with the results ({@code ok} array). */
    CompletableFuture<List<Object>> callMethod(String iface, String method, Object... args);

    /** As {@link #callMethod} with an explicit argument list and deadline. */
    CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args, Duration timeout);

    /**
     * As {@link #callMethod}, but when the reply was lost (−1) the call is issued again as a
     * new call with the ORIGINAL arguments (at-least-once; at most 3 issues).
     */
    CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, Object... args);

    /** Emits an event to the server (buffered and resent like calls). */
    void emitRemoteEvent(String iface, String event, Object... args);

    /** Pings; completes with the round-trip time. */
    CompletableFuture<Duration> ping();

    /** Pings every {@code interval} while connected (restarted after each restore). */
    void startHeartbeat(Duration interval);

    /** Stops the heartbeat. */
    void stopHeartbeat();

    /** Local id of this client object. */
    String id();

    /** The server's address. */
    SocketAddress remoteAddress();

    /** Whether a handshake succeeded on the current transport. */
    boolean handshakeDone();

    /** The login the session was opened with, or null. */
    String username();

    /** The session id, or null before the first handshake. */
    String session();

    /** The application as requested ({@code name[@range]}), or null. */
    String application();

    /** Proxies of inspected interfaces, by name. */
    Map<String, RemoteProxy> remoteProxies();

    /** Lifecycle state. */
    ConnectionState state();

    /** Closes on purpose (no reconnection); pending calls fail. */
    CompletableFuture<Void> closeAsync();

    /** {@link #closeAsync()} and wait briefly. */
    @Override
    void close();
}
