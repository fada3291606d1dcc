package io.tether.core.room;

import io.tether.api.RoomMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where rooms, memberships and fan-out live: in memory for one node ({@link MemoryRoomBroker}),
 * in Redis for a cluster. The {@link RoomService} is its only caller in a server: it keeps the
 * node's local members and delivers what the broker hands to its sink.
 *
 * <p><b>Threads and blocking (the contract).</b>
 * <ul>
 *   <li>Every method except {@link #start}, {@link #listen} and {@link #unlisten} may block on
 *       remote I/O (bounded by the broker's own timeout) unless {@link #nonBlocking()} says
 *       otherwise. The service reads {@link #nonBlocking()} once: for a non-blocking broker
 *       it calls on the caller's thread (an event loop may be the caller), for any other on
 *       the core's workers (virtual threads), never on an event loop. The synchronous
 *       {@link io.tether.api.Rooms} facade calls on the caller's thread (actions run on
 *       virtual threads).</li>
 *   <li>The service never calls the broker while it holds a lock or inside a
 *       {@code ConcurrentHashMap} computation.</li>
 *   <li>The service calls {@link #addMember}/{@link #removeMember} for one member one at a
 *       time, in the member's order (its room operations are serialized per session);
 *       different members' calls run concurrently.</li>
 *   <li>{@link #listen} and {@link #unlisten} for one room are never concurrent, and the last
 *       call for a room tells whether the node has local members in it; calls for different
 *       rooms may run concurrently. They must not block (e.g. send the subscription without
 *       waiting for the answer) and must not throw for a transient failure (repair later).</li>
 *   <li>A broker that claims {@link #asyncPublish()} has a {@link #publishAsync} that never
 *       blocks; the service calls it on the caller's thread (an event loop may be the caller)
 *       and lets several publishes of one session be in flight: it issues the next one as soon
 *       as the previous call <em>returned</em>. Such a broker must deliver the publishes of one
 *       room whose calls returned one after the other in that order (e.g. one connection to
 *       the room's server, which keeps command order).</li>
 *   <li>The sink given to {@link #start} must be called without blocking and without holding
 *       a lock the broker's other methods take; it may be called on any thread.</li>
 * </ul>
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
     * Publishes like {@link #publish} and tells the outcome through the returned stage instead
     * of by returning or throwing: it completes when the message was handed on (a cluster
     * broker: when its server answered), or exceptionally with the {@link
     * io.tether.api.TetherException} that {@link #publish} would have thrown. The default runs
     * {@link #publish} on the caller's thread (so it blocks where {@link #publish} blocks) and
     * returns a completed stage; a broker overrides it together with {@link #asyncPublish()}.
     */
    default CompletionStage<Void> publishAsync(RoomMessage message) {
        try {
            publish(message);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A capability the service reads once: true when {@link #publishAsync} never blocks and
     * never throws (failures complete its stage) and keeps the order of calls per room (see the
     * thread contract above). The service then runs a say on the caller's thread, without a hop
     * to the workers, and with several says of one session in flight. Default false.
     */
    default boolean asyncPublish() {
        return false;
    }

    /**
     * A capability the service reads once: true only when no method ever blocks or does I/O
     * (the in-memory broker), so room operations run on the caller's thread without a hop.
     * Default false: the service runs every broker call on the core's workers.
     */
    default boolean nonBlocking() {
        return false;
    }

    /**
     * Returns once every message published into the room before this call (by this node; a
     * cluster broker: every message its server took before) has been handed to the sink, or
     * once the broker's own timeout passed; never throws. The service calls it when a local
     * member leaves, before the member stops receiving the room's messages, so a member gets
     * everything said in the room before its leave, its own says included. May block like the
     * other methods. The default returns at once: right for a broker that hands every message
     * to the sink within {@link #publish} (the in-memory one).
     */
    default void awaitDelivered(String room) {
    }

    /** This node now has local members in the room (a cluster broker subscribes). Must not block. */
    default void listen(String room) {
    }

    /** This node has no more local members in the room (a cluster broker unsubscribes). Must not block. */
    default void unlisten(String room) {
    }

    @Override
    default void close() {
    }
}
