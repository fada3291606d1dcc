package io.tether.core.room;

import io.tether.core.limits.Refusals;
import io.tether.core.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's members on this node and their fan-out: the index the {@link RoomService} derives
 * from its sessions' memberships (a member is here exactly while the room is in its
 * {@link RoomMembership}). Members whose {@link RoomSink} is bound to an event loop are grouped
 * by that loop ({@link LoopMembers}: one task per loop per message); the others are delivered
 * to one by one from the fan-out's thread. Each member is in exactly one place, the one its
 * session named when it joined. Also tells the broker whether the node listens to the room:
 * {@link #sync} calls {@code listen}/{@code unlisten} outside any lock, one call at a time per
 * room, and the last call always matches whether the room has members. Thread-safe, lock-free.
 */
final class LocalRoom {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRoom.class);

    private final String name;
    /** Members without an event loop (in-process sessions, tests, resumable sessions). */
    private final Map<String, Session> direct = new ConcurrentHashMap<>();
    /** Members by the event loop their messages are written on; a group stays once made. */
    private final Map<Executor, LoopMembers> loops = new ConcurrentHashMap<>(4);
    private final RoomFanout fanout;
    /** Work-in-progress count of {@link #sync}: the caller that raises it from 0 does the calls. */
    private final AtomicInteger syncing = new AtomicInteger();
    private boolean listening; // touched only by the thread that owns syncing
    private volatile boolean removed;

    LocalRoom(String name, Executor workers, Refusals refusals) {
        this.name = name;
        this.fanout = new RoomFanout(name, direct.values(), loops.values(), workers, refusals);
    }

    void add(Session session) {
        Executor loop = session.roomLoop();
        if (loop == null) {
            direct.put(session.id(), session);
        } else {
            loops.computeIfAbsent(loop, l -> new LoopMembers(name, l)).members().put(session.id(), session);
        }
    }

    void remove(Session session) {
        String id = session.id();
        Executor loop = session.roomLoop();
        Map<String, Session> where = loop == null ? direct : groupOf(loop);
        if (where != null && where.remove(id, session)) {
            return;
        }
        // not where its session says now (a sink must not change its loop; be safe anyway)
        if (direct.remove(id, session)) {
            return;
        }
        for (LoopMembers group : loops.values()) {
            if (group.members().remove(id, session)) {
                return;
            }
        }
    }

    /**
     * Removes the member in the room's message order: after every message the fan-out took
     * before this call has reached it (for a member on an event loop, after the delivery tasks
     * already posted to that loop, on that loop). The future completes once it is removed.
     */
    CompletableFuture<Void> depart(Session session) {
        CompletableFuture<Void> gone = new CompletableFuture<>();
        fanout.after(() -> {
            Executor loop = session.roomLoop();
            if (loop != null) {
                try {
                    loop.execute(() -> departNow(session, gone));
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the loop is shutting down: nothing more reaches the member there anyway
                }
            }
            departNow(session, gone);
        });
        return gone;
    }

    private void departNow(Session session, CompletableFuture<Void> gone) {
        try {
            remove(session);
        } finally {
            gone.complete(null);
        }
    }

    private Map<String, Session> groupOf(Executor loop) {
        LoopMembers group = loops.get(loop);
        return group == null ? null : group.members();
    }

    private boolean isEmpty() {
        if (!direct.isEmpty()) {
            return false;
        }
        for (LoopMembers group : loops.values()) {
            if (!group.members().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The room was destroyed: its members are gone and it is never listened to again. */
    Iterable<Session> removeAll() {
        removed = true;
        List<Session> gone = new ArrayList<>(direct.values());
        direct.clear();
        for (LoopMembers group : loops.values()) {
            gone.addAll(group.members().values());
            group.members().clear();
        }
        return gone;
    }

    RoomFanout fanout() {
        return fanout;
    }

    /** Brings the broker's listening in line with the members (after a change of them). */
    void sync(RoomBroker broker) {
        if (syncing.getAndIncrement() != 0) {
            return; // the thread that owns it sees this change on its next round
        }
        int missed = 1;
        do {
            boolean wanted = !removed && !isEmpty();
            if (wanted != listening) {
                listening = wanted;
                try {
                    if (wanted) {
                        broker.listen(name);
                    } else {
                        broker.unlisten(name);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("room {}: {} failed: {}", name, wanted ? "listen" : "unlisten", e.toString());
                }
            }
            missed = syncing.addAndGet(-missed);
        } while (missed != 0);
    }
}
