package io.tether.core.room;

import io.tether.api.RoomMessage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The single-node room broker: rooms and memberships in memory, delivery by direct call.
 * Members are listed in join order. */
public final class MemoryRoomBroker implements RoomBroker {
    private final Map<String, Map<String, Membership>> rooms = new ConcurrentHashMap<>();
    private final AtomicLong joins = new AtomicLong();
    private volatile Consumer<RoomMessage> sink = m -> { };

    /** Always true: every call is a map operation. */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public void start(Consumer<RoomMessage> delivery) {
        this.sink = delivery;
    }

    @Override
    public boolean createRoom(String room) {
        return rooms.putIfAbsent(room, new ConcurrentHashMap<>()) == null;
    }

    @Override
    public boolean destroyRoom(String room) {
        return rooms.remove(room) != null;
    }

    @Override
    public boolean roomExists(String room) {
        return room != null && rooms.containsKey(room);
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public boolean addMember(String room, String memberId, long joinedAt) {
        Map<String, Membership> members = rooms.get(room);
        return members != null && members.putIfAbsent(memberId, new Membership(joinedAt, joins.incrementAndGet())) == null;
    }

    @Override
    public boolean removeMember(String room, String memberId) {
        Map<String, Membership> members = rooms.get(room);
        return members != null && members.remove(memberId) != null;
    }

    @Override
    public Map<String, Long> members(String room) {
        Map<String, Membership> members = rooms.get(room);
        if (members == null) {
            return Map.of();
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        members.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(Membership::order)))
                .forEach(e -> ordered.put(e.getKey(), e.getValue().joinedAt()));
        return ordered;
    }

    @Override
    public void publish(RoomMessage message) {
        sink.accept(message);
    }

    /** When a member joined, and a sequence number that keeps join order within one millisecond. */
    private record Membership(long joinedAt, long order) {
    }
}
