package io.tether.redis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node has put into Redis and must be able to restore after Redis lost it (restart
 * without persistence, or the node's heartbeat lapsed and another node swept its members):
 * rooms it declared, its own members with their join times, and removals that could not
 * reach Redis yet. Derived state of the {@link RedisRoomBroker}, its only writer, from the
 * room service's broker calls (the service owns membership: this is a write log for
 * {@code reannounce}, never asked who is a member). Thread-safe.
 */
final class NodeMemberships {
    /** One membership of a local member. */
    record Member(String room, String memberId, long joinedAt) {
    }

    private final Set<String> declaredRooms = ConcurrentHashMap.newKeySet();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, Member> pendingRemovals = new ConcurrentHashMap<>();

    void declared(String room) {
        declaredRooms.add(room);
    }

    void destroyed(String room) {
        declaredRooms.remove(room);
        members.values().removeIf(m -> m.room().equals(room));
        pendingRemovals.values().removeIf(m -> m.room().equals(room));
    }

    void joined(String room, String memberId, long joinedAt) {
        Member m = new Member(room, memberId, joinedAt);
        pendingRemovals.remove(key(room, memberId));
        members.put(key(room, memberId), m);
    }

    /** Forgets a member; returns it, or null if it was not a member of this node. */
    Member left(String room, String memberId) {
        return members.remove(key(room, memberId));
    }

    void removalPending(Member m) {
        pendingRemovals.put(key(m.room(), m.memberId()), m);
    }

    void removalDone(Member m) {
        pendingRemovals.remove(key(m.room(), m.memberId()), m);
    }

    List<Member> pendingRemovals() {
        return List.copyOf(pendingRemovals.values());
    }

    Set<String> declaredRooms() {
        return Set.copyOf(declaredRooms);
    }

    /** Local members in join order. */
    List<Member> members() {
        return members.values().stream().sorted(Comparator.comparingLong(Member::joinedAt)).toList();
    }

    private static String key(String room, String memberId) {
        return memberId.length() + ":" + memberId + room;
    }
}
