package io.tether.core.session.resume;

import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RateLimitedLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detached sessions of one node in the order they detached, overall and per remote
 * address, and the caps on both: when a session detaches past a cap, the oldest detached
 * session (of that address, or of the node) is evicted: dropped, so it leaves its rooms and
 * frees its buffer. A client that churns sessions only recycles its own; a new client is never
 * refused. Only detached sessions are indexed (attached ones are bounded by the connection
 * limits); the index costs one map entry and one deque slot per detached session.
 *
 * <p>Thread-safe: one lock guards the index and is never held while a session's lock is
 * taken (victims are dropped after it is released), so it cannot deadlock with sessions that
 * call in under their own lock.
 */
final class DetachedSessions {
    private static final Logger LOG = LoggerFactory.getLogger(DetachedSessions.class);
    /** Evictions come in floods under a churn attack: one line a second, the rest counted. */
    private final RateLimitedLog evictionLog = new RateLimitedLog(LOG, Duration.ofSeconds(1));

    private final int maxPerNode;
    private final int maxPerAddress;
    private final Refusals refusals;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<ResumableSession, String> order = new LinkedHashMap<>(); // session → address key
    private final Map<String, ArrayDeque<ResumableSession>> byAddress = new HashMap<>();

    DetachedSessions(int maxPerNode, int maxPerAddress, Refusals refusals) {
        if (maxPerNode < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("detached session caps must be positive");
        }
        this.maxPerNode = maxPerNode;
        this.maxPerAddress = maxPerAddress;
        this.refusals = refusals;
    }

    /** Indexes a session that has no transport (new, or just detached); evicts past the caps. */
    void detached(ResumableSession s) {
        List<ResumableSession> byAddr = List.of();
        List<ResumableSession> byNode = List.of();
        lock.lock();
        try {
            // attached again or dropped meanwhile: its attach/drop already ran or will run after this
            if (s.isAttached() || s.isDropped() || order.containsKey(s)) {
                return;
            }
            String address = s.address();
            order.put(s, address);
            ArrayDeque<ResumableSession> same = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
            same.addLast(s);
            while (same.size() > maxPerAddress) {
                byAddr = with(byAddr, unindex(same.peekFirst()));
            }
            while (order.size() > maxPerNode) {
                byNode = with(byNode, unindex(order.keySet().iterator().next()));
            }
        } finally {
            lock.unlock();
        }
        byAddr.forEach(v -> evict(v, Refusal.SESSIONS_PER_ADDRESS, maxPerAddress, "per address"));
        byNode.forEach(v -> evict(v, Refusal.SESSIONS_PER_NODE, maxPerNode, "per node"));
    }

    /** Removes a session from the index (attached again, dropped, handed off). */
    void removed(ResumableSession s) {
        lock.lock();
        try {
            if (order.containsKey(s)) {
                unindex(s);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Detached sessions indexed now. */
    int size() {
        lock.lock();
        try {
            return order.size();
        } finally {
            lock.unlock();
        }
    }

    /** Detached sessions of one address key indexed now. */
    int size(String address) {
        lock.lock();
        try {
            ArrayDeque<ResumableSession> same = byAddress.get(address);
            return same == null ? 0 : same.size();
        } finally {
            lock.unlock();
        }
    }

    private ResumableSession unindex(ResumableSession s) {
        String address = order.remove(s);
        ArrayDeque<ResumableSession> same = byAddress.get(address);
        if (same != null) {
            if (same.peekFirst() == s) {
                same.pollFirst();
            } else {
                removeFrom(same, s);
            }
            if (same.isEmpty()) {
                byAddress.remove(address);
            }
        }
        return s;
    }

    private static void removeFrom(ArrayDeque<ResumableSession> deque, ResumableSession s) {
        for (Iterator<ResumableSession> it = deque.iterator(); it.hasNext(); ) {
            if (it.next() == s) {
                it.remove();
                return;
            }
        }
    }

    private static List<ResumableSession> with(List<ResumableSession> list, ResumableSession s) {
        List<ResumableSession> grown = list.isEmpty() ? new ArrayList<>(2) : list;
        grown.add(s);
        return grown;
    }

    private void evict(ResumableSession victim, Refusal reason, int bound, String scope) {
        if (victim.evict()) {
            refusals.count(reason);
            evictionLog.info("session {} of {} evicted: more than {} detached sessions {}", victim, victim.address(),
                    bound, scope);
        }
    }
}
