package io.tether.testkit.room;

import io.tether.api.RoomMessage;
import io.tether.core.room.MemoryRoomBroker;
import io.tether.core.room.RoomBroker;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A room broker for tests that forwards every operation to an in-memory broker, so that a test
 * overrides only what it stages (a join that waits, a publish answered later, a failure) and
 * keeps working rooms for the rest:
 *
 * <pre>{@code
 * RoomBroker slowJoins = new ForwardingRoomBroker() {
 *     public boolean addMember(String room, String memberId, long joinedAt) {
 *         gate.await();                       // the join waits, off the event loop
 *         return super.addMember(room, memberId, joinedAt);
 *     }
 * };
 * TetherCore core = TetherCore.builder().roomBroker(slowJoins).room("lobby").build();
 * }</pre>
 *
 * The capabilities are not forwarded: {@link #nonBlocking()} and {@link #asyncPublish()} keep
 * their defaults (false), so the room service treats this broker like a remote one (its calls
 * run on the core's workers) unless a subclass says otherwise.
 */
public class ForwardingRoomBroker implements RoomBroker {
    private final MemoryRoomBroker delegate = new MemoryRoomBroker();

    /** The in-memory broker every operation goes to. */
    public final MemoryRoomBroker delegate() {
        return delegate;
    }

    @Override
    public void start(Consumer<RoomMessage> sink) {
        delegate.start(sink);
    }

    @Override
    public boolean createRoom(String room) {
        return delegate.createRoom(room);
    }

    @Override
    public boolean destroyRoom(String room) {
        return delegate.destroyRoom(room);
    }

    @Override
    public boolean roomExists(String room) {
        return delegate.roomExists(room);
    }

    @Override
    public Set<String> rooms() {
        return delegate.rooms();
    }

    @Override
    public boolean addMember(String room, String memberId, long joinedAt) {
        return delegate.addMember(room, memberId, joinedAt);
    }

    @Override
    public boolean removeMember(String room, String memberId) {
        return delegate.removeMember(room, memberId);
    }

    @Override
    public Map<String, Long> members(String room) {
        return delegate.members(room);
    }

    @Override
    public void publish(RoomMessage message) {
        delegate.publish(message);
    }
}
