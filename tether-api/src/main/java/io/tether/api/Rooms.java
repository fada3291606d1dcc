package io.tether.api;

import java.util.Set;

/** The room service as actions see it. Rooms must exist before connections can join. */
public interface Rooms {
    /** Creates a room; returns false if it already existed. */
    boolean create(String room);

    /** Removes a room and its memberships; returns false if it did not exist. */
    boolean destroy(String room);

    /** Whether the room exists. */
    boolean exists(String room);

    /** All room names. */
    Set<String> list();

    /** Membership of an existing room; {@link ErrorCode#ROOM_NOT_FOUND} otherwise. */
    RoomView view(String room);

    /** Broadcasts a server message ({@code from} = "0") to every member of the room. */
    void broadcast(String room, String message);
}
