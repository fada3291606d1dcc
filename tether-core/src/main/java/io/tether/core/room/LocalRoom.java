package io.tether.core.room;

import io.tether.core.limits.Refusals;
import io.tether.core.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's members on this node and their fan-out: the index the {@link RoomService} derives
 * from its sessions' memberships (a member is here exactly while the room is in its
 * {@link RoomMembership}). Also tells the broker whether the node listens to the room:
 * {@link #sync} calls {@code listen}/{@code unlisten} outside any lock, one call at a time per
 * room, and the last call always matches whether the room has members. Thread-safe, lock-free.
 */
final class LocalRoom {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRoom.class);

    private final String name;
    private final Map<String, Session> members = new ConcurrentHashMap<>();
    private final RoomFanout fanout;
    /** Work-in-progress count of {@link #sync}: the caller that raises it from 0 does the calls. */
    private final AtomicInteger syncing = new AtomicInteger();
    private boolean listening; // touched only by the thread that owns syncing
    private volatile boolean removed;

    LocalRoom(String name, Executor workers, Refusals refusals) {
        this.name = name;
        this.fanout = new RoomFanout(name, members.values(), workers, refusals);
    }

    void add(Session session) {
        members.put(session.id(), session);
    }

    void remove(Session session) {
        members.remove(session.id());
    }

    /** The room was destroyed: its members are gone and it is never listened to again. */
    Iterable<Session> removeAll() {
        removed = true;
        Iterable<Session> gone = Map.copyOf(members).values();
        members.clear();
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
            boolean wanted = !removed && !members.isEmpty();
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
