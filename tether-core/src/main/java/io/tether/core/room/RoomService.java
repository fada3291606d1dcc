package io.tether.core.room;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.RoomView;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import io.tether.core.limits.Refusals;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Rooms as every protocol uses them: join, leave, view and say with the ActionHero error
 * texts, local fan-out of what the {@link RoomBroker} delivers. One per server.
 *
 * <p>Fan-out: each message becomes one {@link RoomDelivery} that every local member shares
 * (protocols serialize it once per wire form, not once per member), delivered by the room's
 * {@link RoomFanout}: in publish order, on the publishing thread for a small room, on the
 * workers for a large one, so a sender's event loop never does work proportional to a large
 * room.
 */
public final class RoomService implements Rooms {
    private final RoomBroker broker;
    private final Executor workers;
    private final Refusals refusals;
    private final Map<String, LocalRoom> local = new ConcurrentHashMap<>();

    /** The members of a room on this node and their fan-out. */
    private record LocalRoom(Map<String, Session> members, RoomFanout fanout) {
    }

    /** Creates the service with fan-out on the calling thread (tests, tools), starting the broker's delivery. */
    public RoomService(RoomBroker broker) {
        this(broker, Runnable::run, new Refusals());
    }

    /** Creates the service, fanning out large rooms on {@code workers}, and starts the broker's delivery. */
    public RoomService(RoomBroker broker, Executor workers, Refusals refusals) {
        this.broker = broker;
        this.workers = workers;
        this.refusals = refusals;
        broker.start(this::deliverLocally);
    }

    /** Whether room operations may block (the broker does remote I/O): never call them on an event loop then. */
    public boolean blocking() {
        return broker.blocking();
    }

    @Override
    public boolean create(String room) {
        return broker.createRoom(room);
    }

    @Override
    public boolean destroy(String room) {
        LocalRoom members = local.remove(room);
        if (members != null) {
            members.members().values().forEach(c -> c.left(room));
            broker.unlisten(room);
        }
        return broker.destroyRoom(room);
    }

    @Override
    public boolean exists(String room) {
        return broker.roomExists(room);
    }

    @Override
    public Set<String> list() {
        return broker.rooms();
    }

    @Override
    public RoomView view(String room) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        return new RoomView(room, broker.members(room));
    }

    @Override
    public void broadcast(String room, String message) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        broker.publish(new RoomMessage(room, RoomMessage.SERVER, message, System.currentTimeMillis()));
    }

    /** Joins a connection to an existing room; returns joinedAt. */
    public long join(Session c, String room) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        long joinedAt = System.currentTimeMillis();
        if (!broker.addMember(room, c.id(), joinedAt)) {
            throw new TetherException(ErrorCode.ALREADY_IN_ROOM, "connection already in this room (" + room + ")");
        }
        local.compute(room, (r, existing) -> {
            LocalRoom m = existing == null ? newLocalRoom(r) : existing;
            if (m.members().isEmpty()) {
                broker.listen(r);
            }
            m.members().put(c.id(), c);
            return m;
        });
        c.joined(room);
        return joinedAt;
    }

    /** Removes a connection from a room it is in. */
    public void leave(Session c, String room) {
        if (room == null || !c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        c.left(room);
        broker.removeMember(room, c.id());
        local.computeIfPresent(room, (r, m) -> {
            m.members().remove(c.id());
            if (m.members().isEmpty()) {
                broker.unlisten(r);
                return null;
            }
            return m;
        });
    }

    /** The room's members, for a connection that is one of them. */
    public RoomView view(Session c, String room) {
        if (room == null || !c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        return view(room);
    }

    /** Broadcasts a member's message to the room (the sender receives it too). */
    public void say(Session c, String room, String message) {
        if (room == null || room.isEmpty() || message == null || message.isEmpty()) {
            throw new TetherException(ErrorCode.ROOM_ARGUMENTS_REQUIRED, "both room and message are required");
        }
        if (!c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        broker.publish(new RoomMessage(room, c.id(), message, System.currentTimeMillis()));
    }

    /** Removes a closing connection from every room it joined. */
    public void leaveAll(Session c) {
        for (String room : c.rooms()) {
            leave(c, room);
        }
    }

    private LocalRoom newLocalRoom(String room) {
        Map<String, Session> members = new ConcurrentHashMap<>();
        return new LocalRoom(members, new RoomFanout(room, members.values(), workers, refusals));
    }

    private void deliverLocally(RoomMessage message) {
        LocalRoom room = local.get(message.room());
        if (room != null) {
            room.fanout().publish(new RoomDelivery(message));
        }
    }

    private static TetherException notInRoom(String room) {
        return new TetherException(ErrorCode.NOT_IN_ROOM, "connection not in this room (" + room + ")");
    }
}
