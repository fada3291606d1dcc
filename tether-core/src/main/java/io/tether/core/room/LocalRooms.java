package io.tether.core.room;

import io.tether.api.RoomMessage;
import io.tether.core.limits.Refusals;
import io.tether.core.session.Session;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * This node's members of every room ({@link LocalRoom} per room) and the delivery of what the
 * broker hands to the node: the fan-out index the {@link RoomService} keeps beside the sessions'
 * memberships, changed only by the service's operations. After each change it tells the broker
 * whether the node still listens to the room. Thread-safe.
 */
final class LocalRooms {
    private final RoomBroker broker;
    private final Executor workers;
    private final Refusals refusals;
    private final Map<String, LocalRoom> rooms = new ConcurrentHashMap<>();

    LocalRooms(RoomBroker broker, Executor workers, Refusals refusals) {
        this.broker = broker;
        this.workers = workers;
        this.refusals = refusals;
    }

    /** The session joined the room: it gets the room's messages from now on. */
    void add(String room, Session session) {
        LocalRoom members = rooms.computeIfAbsent(room, r -> new LocalRoom(r, workers, refusals));
        members.add(session);
        members.sync(broker);
    }

    /**
     * The session left the room: it is removed after every message the node took for the room
     * before this call reached it ({@link LocalRoom#depart}); the future completes then.
     */
    CompletableFuture<Void> depart(String room, Session session) {
        LocalRoom members = rooms.get(room);
        if (members == null) {
            return CompletableFuture.completedFuture(null);
        }
        return members.depart(session).thenRun(() -> members.sync(broker));
    }

    /** The session is removed from the room at once (it is closing: nothing is owed to it). */
    void remove(String room, Session session) {
        LocalRoom members = rooms.get(room);
        if (members != null) {
            members.remove(session);
            members.sync(broker);
        }
    }

    /** The room was destroyed: its members here lose it at once. */
    void destroyed(String room) {
        LocalRoom members = rooms.remove(room);
        if (members != null) {
            members.removeAll().forEach(s -> s.membership().remove(room));
            members.sync(broker);
        }
    }

    /** A message the broker handed to this node: to the room's members here, in order. */
    void deliver(RoomMessage message) {
        LocalRoom room = rooms.get(message.room());
        if (room != null) {
            room.fanout().publish(new RoomDelivery(message));
        }
    }
}
