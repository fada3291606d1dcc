package io.tether.core.room;

import io.tether.api.RoomMessage;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where rooms, memberships and fan-out live: in memory for one node ({@link MemoryRoomBroker}),
 * in Redis for a cluster. The {@link RoomService} keeps the node's local members and
 * delivers what the broker hands to its sink.
 */
public interface RoomBroker extends AutoCloseable {
    /** Starts delivery: every message published into a room this node listens to goes to {@code sink}. */
    void start(Consumer<RoomMessage> sink);

    /** Creates a room; false if it existed. */
    boolean createRoom(String room);

    /** Destroys a room and its memberships; false if it did not exist. */
    boolean destroyRoom(String room);

    /** Whether the room exists. */
    boolean roomExists(String room);

    /** All rooms. */
    Set<String> rooms();

    /** Adds a member; false if already a member. */
    boolean addMember(String room, String memberId, long joinedAt);

    /** Removes a member; false if not a member. */
    boolean removeMember(String room, String memberId);

    /** Members of a room (id to joinedAt), in join order; empty if none or no such room. */
    Map<String, Long> members(String room);

    /** Publishes a message to every member of the room on every node. */
    void publish(RoomMessage message);

    /**
     * Whether calls may block on remote I/O (a cluster broker): callers on an event loop must
     * then run room operations on worker threads. False for the in-memory broker.
     */
    default boolean blocking() {
        return false;
    }

    /** This node now has local members in the room (a cluster broker subscribes). */
    default void listen(String room) {
    }

    /** This node has no more local members in the room (a cluster broker unsubscribes). */
    default void unlisten(String room) {
    }

    @Override
    default void close() {
    }
}
