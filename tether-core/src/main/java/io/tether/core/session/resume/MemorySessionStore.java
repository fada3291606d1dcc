package io.tether.core.session.resume;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * In-memory {@link SessionStore}: a concurrent map and a periodic sweep that drops
 * sessions that have had no transport for longer than the expiry. Its {@link SessionQuota}
 * caps the detached sessions it keeps (oldest evicted) and their buffered bytes.
 */
public final class MemorySessionStore implements SessionStore {
    private final Map<String, ResumableSession> sessions = new ConcurrentHashMap<>();
    private final Duration expiry;
    private final SessionQuota quota;
    private final ScheduledFuture<?> sweeper;

    /** A store with the default caps and budget ({@link SessionQuota#defaults}) and its own counters. */
    public MemorySessionStore(Duration expiry, ScheduledExecutorService timer) {
        this(expiry, SessionQuota.defaults(SessionLimits.defaults()), timer);
    }

    /** Creates a store sweeping on {@code timer} (sweep period: expiry/4, 50 ms to 30 s). */
    public MemorySessionStore(Duration expiry, SessionQuota quota, ScheduledExecutorService timer) {
        this.expiry = expiry;
        this.quota = quota;
        long period = Math.clamp(expiry.toMillis() / 4, 50, 30_000);
        this.sweeper = timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        // one listener on the quota for every session's drop: no hook object per session
        quota.onDropped(s -> sessions.remove(s.token(), s));
    }

    @Override
    public CompletableFuture<Void> save(ResumableSession session) {
        sessions.put(session.token(), session);
        if (session.isDropped()) { // dropped before it was saved: the quota's listener has run already
            sessions.remove(session.token(), session);
        }
        // not indexed as detached yet: it is counted once its connection goes (a handshake whose
        // connection closed before the reply drops its new session)
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<ResumableSession> find(String id, Continuation continuation) {
        ResumableSession s = SessionIds.wellFormed(id) ? sessions.get(id) : null;
        if (s == null || s.isDropped()) {
            return Optional.empty();
        }
        if (expired(s, System.currentTimeMillis())) {
            s.drop();
            return Optional.empty();
        }
        return Optional.of(s);
    }

    @Override
    public SessionQuota quota() {
        return quota;
    }

    @Override
    public int size() {
        return sessions.size();
    }

    /** Drops every session detached for longer than the expiry. */
    public void sweep() {
        long now = System.currentTimeMillis();
        sessions.values().stream().filter(s -> expired(s, now)).forEach(ResumableSession::drop);
    }

    private boolean expired(ResumableSession s, long now) {
        return !s.isAttached() && now - s.detachedAt() > expiry.toMillis();
    }

    @Override
    public void close() {
        sweeper.cancel(false);
    }
}
