package io.tether.core.room;

import io.tether.core.session.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local members of one room whose room messages are written on one event loop: each
 * message costs that loop one task, which hands it to every member there in turn. The loop
 * runs its tasks in the order they were posted and the room's {@link RoomFanout} posts one
 * message at a time, so every member sees the room's messages in publish order. The members
 * are read when the task runs: one that left before receives nothing. Thread-safe, lock-free.
 */
final class LoopMembers {
    private static final Logger LOG = LoggerFactory.getLogger(LoopMembers.class);

    private final String room;
    private final Executor loop;
    private final Map<String, Session> members = new ConcurrentHashMap<>();

    LoopMembers(String room, Executor loop) {
        this.room = room;
        this.loop = loop;
    }

    Map<String, Session> members() {
        return members;
    }

    /** Posts the message's task to the loop (nothing when no member is here). */
    void post(RoomDelivery delivery) {
        if (members.isEmpty()) {
            return;
        }
        try {
            loop.execute(() -> deliver(delivery));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("room {}: a message for an event loop that is shutting down dropped", room);
        }
    }

    /** On the loop: the message to every member here; one failing does not stop the others. */
    private void deliver(RoomDelivery delivery) {
        for (Session s : members.values()) {
            try {
                s.deliverOnLoop(delivery);
            } catch (RuntimeException e) {
                LOG.warn("room {}: delivery to {} failed", room, s, e);
            }
        }
    }
}
