package io.tether.api;

import java.util.Map;

/**
 * A room's membership, across the whole cluster.
 *
 * @param room    room name
 * @param members connection id to joinedAt (ms), in join order
 */
public record RoomView(String room, Map<String, Long> members) {
    /** Freezes the members map. */
    public RoomView {
        members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
    }

    /** Number of members. */
    public int membersCount() {
        return members.size();
    }
}
