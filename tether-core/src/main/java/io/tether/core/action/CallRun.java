package io.tether.core.action;

import io.tether.api.Cache;
import io.tether.api.CallContext;
import io.tether.api.ConnectionInfo;
import io.tether.api.Rooms;
import io.tether.core.session.Session;
import java.time.Instant;

/**
 * What every run's context shares: the caller's session, rooms, cache and the deadline, kept
 * on the monotonic clock ({@link System#nanoTime()}) and turned into an {@link Instant} only
 * when asked for.
 */
abstract class CallRun implements CallContext {
    private final Session session;
    private final Rooms rooms;
    private final Cache cache;
    private long deadlineNanos; // set once by the thread that runs, before the handler sees it

    CallRun(Session session, Rooms rooms, Cache cache, long deadlineNanos) {
        this.session = session;
        this.rooms = rooms;
        this.cache = cache;
        this.deadlineNanos = deadlineNanos;
    }

    /** Sets the deadline (before the run's handler or middleware can read it). */
    void deadline(long nanos) {
        this.deadlineNanos = nanos;
    }

    @Override
    public ConnectionInfo connection() {
        return session.info();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Rooms rooms() {
        return rooms;
    }

    @Override
    public Cache cache() {
        return cache;
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusNanos(deadlineNanos - System.nanoTime());
    }
}
