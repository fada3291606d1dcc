package io.tether.core.session.resume;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@link ResumableSession}s live while no transport is attached, so that a client can
 * resume them on a new transport. The in-memory {@link MemorySessionStore} is the default; a
 * shared store (e.g. Redis) lets a client resume on another node: it persists a session's
 * {@link ResumableSession#snapshot()} when it changes while detached
 * ({@link ResumableSession#onOfflineChange}), and {@link #find} may load a snapshot stored by
 * another node, claim it (the old owner {@link ResumableSession#handOff hands it off}) and
 * continue it here through the caller's {@link Continuation}. The server calls {@link #find}
 * off the event loop (it may block); {@link #save} and the hooks must never block.
 */
public interface SessionStore extends AutoCloseable {
    /**
     * Makes the session of this node for a snapshot another node stored: the protocol's part of
     * a restore (it knows the transport's address and the rooms service). Called by
     * {@link #find} on the caller's thread.
     */
    @FunctionalInterface
    interface Continuation {
        /** A detached session continuing {@code snapshot} within {@code quota}. */
        ResumableSession continueFrom(SessionSnapshot snapshot, SessionQuota quota);

        /**
         * Whether the restore may take a session another node owns, asked by a shared store
         * before it claims it (the connection policy, for the protocol): false leaves the
         * session where it is, its client (if attached there) undisturbed, and {@link #find}
         * finds nothing. Called on the caller's thread; the default admits.
         */
        default boolean admits(SessionSnapshot snapshot) {
            return true;
        }

        /**
         * Whether {@link #admits} may say no (a connection policy is set): a shared store
         * reads the snapshot before its claim only then, so a restore without a policy costs
         * no extra round trip. The default says no.
         */
        default boolean decidesAdmission() {
            return false;
        }
    }

    /**
     * Stores (or replaces) a session. Never blocks; the future completes once the session can
     * be restored through this store (for a shared store: from any node), which is when the
     * server hands the session's token to the client. It completes normally even if a shared
     * store could not be reached: the session then lives on this node only.
     */
    CompletableFuture<Void> save(ResumableSession session);

    /**
     * The session with this token, if it exists and has not expired; may block (a shared store
     * loads and claims it, and continues it with {@code continuation}), so never call it on an
     * event loop. A token that is not {@link SessionIds#wellFormed well formed} finds nothing.
     */
    Optional<ResumableSession> find(String token, Continuation continuation);

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
