package io.tether.core.room;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.RoomView;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.core.connection.Connection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rooms as every protocol uses them: join, leave, view and say with the ActionHero error
 * texts, local fan-out of what the {@link RoomBroker} delivers. One per server.
 */
public final class RoomService implements Rooms {
    private final RoomBroker broker;
    private final Map<String, Map<String, Connection>> local = new ConcurrentHashMap<>();

    /** Creates the service and starts the broker's delivery into it. */
    public RoomService(RoomBroker broker) {
        this.broker = broker;
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
        Map<String, Connection> members = local.remove(room);
        if (members != null) {
            members.values().forEach(c -> c.left(room));
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
    public long join(Connection c, String room) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        long joinedAt = System.currentTimeMillis();
        if (!broker.addMember(room, c.id(), joinedAt)) {
            throw new TetherException(ErrorCode.ALREADY_IN_ROOM, "connection already in this room (" + room + ")");
        }
        local.compute(room, (r, members) -> {
            Map<String, Connection> m = members == null ? new ConcurrentHashMap<>() : members;
            if (m.isEmpty()) {
                broker.listen(r);
            }
            m.put(c.id(), c);
            return m;
        });
        c.joined(room);
        return joinedAt;
    }

    /** Removes a connection from a room it is in. */
    public void leave(Connection c, String room) {
        if (room == null || !c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        c.left(room);
        broker.removeMember(room, c.id());
        local.computeIfPresent(room, (r, members) -> {
            members.remove(c.id());
            if (members.isEmpty()) {
                broker.unlisten(r);
                return null;
            }
            return members;
        });
    }

    /** The room's members, for a connection that is one of them. */
    public RoomView view(Connection c, String room) {
        if (room == null || !c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        return view(room);
    }

    /** Broadcasts a member's message to the room (the sender receives it too). */
    public void say(Connection c, String room, String message) {
        if (room == null || room.isEmpty() || message == null || message.isEmpty()) {
            throw new TetherException(ErrorCode.ROOM_ARGUMENTS_REQUIRED, "both room and message are required");
        }
        if (!c.rooms().contains(room)) {
            throw notInRoom(room);
        }
        broker.publish(new RoomMessage(room, c.id(), message, System.currentTimeMillis()));
    }

    /** Removes a closing connection from every room it joined. */
    public void leaveAll(Connection c) {
        for (String room : c.rooms()) {
            leave(c, room);
        }
    }

    private void deliverLocally(RoomMessage message) {
        Map<String, Connection> members = local.get(message.room());
        if (members != null) {
            members.values().forEach(c -> c.deliver(message));
        }
    }

    private static TetherException notInRoom(String room) {
        return new TetherException(ErrorCode.NOT_IN_ROOM, "connection not in this room (" + room + ")");
    }
}
