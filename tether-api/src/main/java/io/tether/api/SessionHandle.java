package io.tether.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller's session as application code sees it, whatever the protocol: who it is, data
 * the application keeps on it, events to the client, and close. A JSTP session outlives its
 * transport (a client restores it after a reconnect); a socket session lives as long as its
 * connection. Thread-safe.
 */
public interface SessionHandle {
    /** The session's public id: the {@code from} of its chat messages, the key of room membership. */
    String id();

    /**
     * The token a client presents to resume this session after a reconnect (JSTP: the session
     * id of the handshake reply), or empty for a session that cannot be resumed. It is a
     * credential: do not show it to other clients.
     */
    default Optional<String> resumeToken() {
        return Optional.empty();
    }

    /** Identity and address of the connection that opened the session. */
    ConnectionInfo connection();

    /** The authenticated user, or empty for an anonymous session. */
    Optional<Principal> principal();

    /**
     * Sets who this session is authenticated as, e.g. from a login action after it checked
     * credentials. Every later call, room operation and log line of the session sees it; a
     * JSTP session keeps it across restores. Replaces a previous principal.
     *
     * @throws UnsupportedOperationException if this handle cannot be authenticated (a handle
     *                                       that is not a server session)
     */
    default void authenticate(Principal principal) {
        throw new UnsupportedOperationException("this session cannot be authenticated");
    }

    /** Makes the session anonymous again (e.g. a logout action); no effect on an anonymous one. */
    default void signOut() {
        throw new UnsupportedOperationException("this session cannot be authenticated");
    }

    /** Application state of this session (thread-safe, mutable; for JSTP it survives a restore). */
    Map<String, Object> data();

    /**
     * Sends an event to the client: for JSTP {@code {event:[id,iface],event:args}}, buffered
     * while detached and resent on restore. Returns false when the protocol has no server
     * events (the socket protocol) or the session is gone.
     */
    boolean emit(String iface, String event, List<?> args);

    /**
     * Ends the session: closes its transport gracefully (the socket protocol says Bye first; a
     * JSTP session is not restorable afterwards). The reply of the call that closes it may or
     * may not reach the client.
     */
    void close();

    /**
     * Runs {@code hook} once when the session ends for good (closed, expired, evicted; not when
     * it moves to another node, where it lives on), at once if it has already ended. Hooks must
     * be short and must not block. A protocol without resumable sessions may never run them.
     */
    void onEnd(Runnable hook);

    /**
     * The client end of this session for server-to-client calls (JSTP sessions only): call its
     * methods, inspect it, ping it. Empty for protocols without server calls (the socket protocol).
     */
    default Optional<io.tether.api.jstp.JstpPeer> jstpPeer() {
        return Optional.empty();
    }
}
