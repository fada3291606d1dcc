package io.tether.server.jstp.session;

import java.util.Optional;

/**
 * Where sessions live while no transport is attached, so that a client can restore them
 * (spec §8.3). The in-memory {@link MemorySessionStore} is the default; a shared store
 * (e.g. Redis) would let a client resume on another node.
 */
public interface SessionStore extends AutoCloseable {
    /** Stores (or replaces) a session. */
    void save(JstpSession session);

    /** The live session with this id, if it exists and has not expired. */
    Optional<JstpSession> find(String id);

    /** Removes a session (does not drop it). */
    void remove(String id);

    /** Number of stored sessions. */
    int size();

    /** Stops background work; stored sessions are left as they are. */
    @Override
    void close();
}
