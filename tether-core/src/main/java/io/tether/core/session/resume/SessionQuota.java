package io.tether.core.session.resume;

import io.tether.core.limits.Refusals;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The node-wide bounds shared by every session of one {@link SessionStore}: each session's
 * own {@link SessionLimits}, the {@link SessionBudget} of buffered messages of all sessions,
 * and the caps on detached sessions per node and per remote address (oldest evicted). Counts
 * each refusal in the core's {@link Refusals}. Thread-safe.
 *
 * <pre>{@code
 * SessionQuota quota = new SessionQuota(SessionLimits.defaults(), 64L << 20, 10_000, 64, core.refusals());
 * SessionStore store = new MemorySessionStore(Duration.ofMinutes(10), quota, core.timer());
 * }</pre>
 */
public final class SessionQuota {
    /** Default cap of detached sessions per node. */
    public static final int DEFAULT_MAX_DETACHED = 10_000;
    /** Default cap of detached sessions per remote address. */
    public static final int DEFAULT_MAX_DETACHED_PER_ADDRESS = 64;
    /** Default node-wide budget of buffered session messages: 64 MiB. */
    public static final long DEFAULT_BUFFER_BUDGET_BYTES = 64L * 1024 * 1024;

    private final SessionLimits limits;
    private final SessionBudget budget;
    private final DetachedSessions detached;
    private final Refusals refusals;
    // what the stores of this quota do when one of its sessions ends (a store removes it): held
    // once here instead of one hook object per session
    private final List<Consumer<ResumableSession>> dropListeners = new CopyOnWriteArrayList<>();

    /**
     * The bounds of one node.
     *
     * @param limits                 bounds of each session's resend buffer
     * @param bufferBudgetBytes      all sessions' buffered messages together
     * @param maxDetached            detached sessions of the node
     * @param maxDetachedPerAddress  detached sessions of one remote address
     * @param refusals               where evictions and overflows are counted
     */
    public SessionQuota(SessionLimits limits, long bufferBudgetBytes, int maxDetached, int maxDetachedPerAddress,
                        Refusals refusals) {
        this.limits = limits;
        this.budget = new SessionBudget(bufferBudgetBytes);
        this.detached = new DetachedSessions(maxDetached, maxDetachedPerAddress, refusals);
        this.refusals = refusals;
    }

    /** The default caps and budget with these session limits and their own counters. */
    public static SessionQuota defaults(SessionLimits limits) {
        return new SessionQuota(limits, DEFAULT_BUFFER_BUDGET_BYTES, DEFAULT_MAX_DETACHED,
                DEFAULT_MAX_DETACHED_PER_ADDRESS, new Refusals());
    }

    /** No node-wide bounds: for a session outside any store (unit tests, examples). */
    static SessionQuota unbounded(SessionLimits limits) {
        return new SessionQuota(limits, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, new Refusals());
    }

    /** Bounds of each session's resend buffer. */
    public SessionLimits limits() {
        return limits;
    }

    /** The node-wide budget of buffered messages. */
    public SessionBudget budget() {
        return budget;
    }

    /** Where refusals are counted. */
    public Refusals refusals() {
        return refusals;
    }

    /** Detached sessions indexed now (a gauge). */
    public int detachedCount() {
        return detached.size();
    }

    /** Detached sessions of one remote address (its host address text) indexed now. */
    public int detachedCount(String address) {
        return detached.size(address);
    }

    /**
     * Counts a session a store took over detached (continued from another node's store):
     * indexed as detached until it is restored or dropped. A new session is indexed only when
     * its transport detaches.
     */
    public void track(ResumableSession session) {
        detached.detached(session);
    }

    /** Stops counting a session a store no longer keeps (without dropping it). */
    public void untrack(ResumableSession session) {
        detached.removed(session);
    }

    DetachedSessions detached() {
        return detached;
    }

    /**
     * Registers what a store of this quota does when any of its sessions is dropped or handed
     * off (runs under that session's lock; must not block): for a store that would otherwise
     * register one hook per session.
     */
    void onDropped(Consumer<ResumableSession> listener) {
        dropListeners.add(listener);
    }

    /** A session of this quota was dropped or handed off: no longer indexed, its stores told. */
    void dropped(ResumableSession session) {
        detached.removed(session);
        for (Consumer<ResumableSession> l : dropListeners) {
            l.accept(session);
        }
    }
}
