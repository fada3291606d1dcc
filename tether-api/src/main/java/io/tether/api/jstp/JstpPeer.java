package io.tether.api.jstp;

import io.tether.api.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client end of one JSTP session as the server sees it: the server half of JSTP's
 * {@code Connection} (call the client's methods, inspect its interfaces, send it events, ping
 * it, run a heartbeat for it, close it). It belongs to the session, not to one transport: a
 * call made while the client is reconnecting is buffered and sent when the session is restored.
 * Reach it from a method or action ({@code ctx.jstpPeer()}), a middleware, or a
 * {@link JstpSessionListener}.
 *
 * <pre>{@code
 * JstpPeer client = ctx.jstpPeer().orElseThrow();
 * List<Object> answer = client.callMethod("clientApi", "location", List.of()).join();
 * }</pre>
 *
 * <p>Every call returns a future completed off the I/O threads, with a deadline
 * ({@code jstp.peer-call-timeout} unless given): on timeout it fails with
 * {@link io.tether.api.ErrorCode#PEER_TIMEOUT}. An error answer of the client fails it with a
 * {@link io.tether.api.TetherException} carrying the client's numeric code as
 * {@code protocolCode()}. A call whose answer was lost with a dropped transport fails with
 * {@link io.tether.api.ErrorCode#CALLBACK_LOST} (or is sent again by
 * {@link #callMethodWithResend}); calls still pending when the session ends fail with
 * {@link io.tether.api.ErrorCode#SESSION_CLOSED}, or {@link io.tether.api.ErrorCode#SESSION_MOVED}
 * when the client restored it on another node. Calls the server makes count against the
 * connection's limit of calls in flight ({@code jstp.max-in-flight-calls}); past it a call fails
 * at once with {@link io.tether.api.ErrorCode#TOO_MANY_PENDING}. Thread-safe.
 */
public interface JstpPeer {
    /** The session's public id (never its resume token). */
    String sessionId();

    /** The host address of the client that opened or last restored the session. */
    String remoteAddress();

    /** The authenticated user, or empty for an anonymous session. */
    Optional<Principal> principal();

    /** The user name, or null for an anonymous session (the seed's {@code connection.username}). */
    default String username() {
        return principal().map(Principal::name).orElse(null);
    }

    /** Name of the application the client shook hands with. */
    String application();

    /** Version of that application. */
    String applicationVersion();

    /** Whether a transport is attached now (false while the client reconnects, and once closed). */
    boolean isConnected();

    /** Whether the session has ended (closed, expired, or moved to another node). */
    boolean isClosed();

    /** Calls {@code iface.method(args…)} hosted by the client, with the default deadline; completes with the {@code ok} values. */
    CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args);

    /** As {@link #callMethod(String, String, List)} with its own deadline. */
    CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args, Duration timeout);

    /**
     * As {@link #callMethod(String, String, List)}, but a call the client received whose answer
     * was lost with its transport is sent again (a new message id) when the session is restored,
     * until it is answered or its deadline passes. The client's method may then run twice.
     */
    CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, List<?> args);

    /** As {@link #callMethodWithResend(String, String, List)} with its own deadline. */
    CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, List<?> args,
                                                         Duration timeout);

    /** The names of the methods of the client's interface {@code iface}. */
    CompletableFuture<List<String>> inspectInterface(String iface);

    /** Inspects {@code iface} and returns a proxy calling its methods. */
    default CompletableFuture<RemoteInterface> remoteProxy(String iface) {
        return inspectInterface(iface).thenApply(names -> new RemoteInterface(this, iface, names));
    }

    /** Sends the event {@code iface.event(args…)} to the client; false once the session is gone. */
    boolean emitRemoteEvent(String iface, String event, List<?> args);

    /** Pings the client; completes with the round-trip time when its pong arrives. */
    CompletableFuture<Duration> ping();

    /**
     * Pings the client every {@code interval} while a transport is attached, for this session,
     * instead of the listener's heartbeat ({@code jstp.heartbeat-interval}); it survives restores.
     */
    void startHeartbeat(Duration interval);

    /** Stops the heartbeat of this session (also the listener's, for this session). */
    void stopHeartbeat();

    /**
     * Ends the session gracefully: what is queued is written, then the transport closes; the
     * session cannot be restored. Calls still pending fail with {@link io.tether.api.ErrorCode#SESSION_CLOSED}.
     */
    void close();
}
