package io.tether.server.jstp.session;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where sessions live while no transport is attached, so that a client can restore them (with a
 * restore handshake on a new transport). The in-memory {@link MemorySessionStore} is the
 * default; a shared store (e.g. Redis) lets a client resume on another node: it persists a
 * session's {@link JstpSession#snapshot()} when it changes while detached
 * ({@link JstpSession#onOfflineChange}), and {@link #find} may load a snapshot stored by
 * another node, claim it (the old owner {@link JstpSession#handOff hands it off}) and return it
 * as a new {@link JstpSession#restored} session whose core connection is not bound yet. The server calls {@link #find} off the event loop (it may
 * block); {@link #save} and the hooks must never block.
 */
public interface SessionStore extends AutoCloseable {
    /**
     * Stores (or replaces) a session. Never blocks; the future completes once the session can
     * be restored through this store (for a shared store: from any node), which is when the
     * server hands the session id to the client. It completes normally even if a shared store
     * could not be reached: the session then lives on this node only.
     */
    CompletableFuture<Void> save(JstpSession session);

    /**
     * The session with this id, if it exists and has not expired; may block (a shared store
     * loads and claims it), so never call it on an event loop.
     */
    Optional<JstpSession> find(String id);

    /**
     * The bounds of the sessions this store keeps on this node (per-session limits, buffer
     * budget, detached-session caps); new sessions are created with it.
     */
    SessionQuota quota();

    /** Number of stored sessions. */
    int size();

    /** Stops background work; stored sessions are left as they are. */
    @Override
    void close();
}
