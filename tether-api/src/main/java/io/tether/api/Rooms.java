package io.tether.api;

import java.util.Set;

/**
 * The room service as actions see it. Rooms must exist before connections can join.
 *
 * <p>Synchronous: each call runs on the caller's thread and, in cluster mode, is a Redis
 * round trip bounded by the command timeout. Actions run on virtual threads, where that is
 * fine; a {@code nonBlocking()} action (run on an event loop) must not call it when the server
 * runs on a cluster broker. Joining, leaving and saying on behalf of a connection belong to
 * the protocols, through the core's asynchronous room service.
 */
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
