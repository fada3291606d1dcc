package io.tether.redis;

/**
 * The key and channel layout under one prefix {@code P} (default {@code tether:}):
 *
 * <pre>
 * P rooms                  SET   all room names
 * P room:{room}            HASH  member id -> "{seq}:{joinedAt}:{nodeId}" (seq = cluster-wide join order)
 * P joins                  STRING counter giving every join its seq
 * P nodes                  SET   ids of nodes that may own members
 * P node:{id}              STRING heartbeat of a live node (PX = heartbeat TTL)
 * P node:{id}:rooms        SET   rooms in which node {id} has (or had) members
 * P cache:{key}            STRING JSON {"v":value,"c":createdAt,"e":expiresAt} (PX = TTL)
 * P room:{room}            pub/sub channel of the room, JSON {room, from, message, sentAt}
 * P session:{id}           STRING JSON snapshot of a JSTP session (PX = session expiry)
 * P session:{id}:owner     STRING id of the node that owns the session (PX = session expiry)
 * P session:{id}:inbox     LIST  JSON messages for the session while no node owns it
 * P sessions:{nodeId}      pub/sub channel of a node: session hand-off and forwarded messages
 * </pre>
 */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String rooms() {
        return prefix + "rooms";
    }

    String members(String room) {
        return prefix + "room:" + room;
    }

    String joins() {
        return prefix + "joins";
    }

    String nodes() {
        return prefix + "nodes";
    }

    String heartbeat(String nodeId) {
        return prefix + "node:" + nodeId;
    }

    String nodeRooms(String nodeId) {
        return prefix + "node:" + nodeId + ":rooms";
    }

    String channel(String room) {
        return prefix + "room:" + room;
    }

    String session(String id) {
        return prefix + "session:" + id;
    }

    String sessionOwner(String id) {
        return prefix + "session:" + id + ":owner";
    }

    String sessionInbox(String id) {
        return prefix + "session:" + id + ":inbox";
    }

    String nodeSessions(String nodeId) {
        return prefix + "sessions:" + nodeId;
    }

    String cache(String key) {
        return prefix + "cache:" + key;
    }

    /** A SCAN MATCH pattern for every cache key (glob characters of the prefix escaped). */
    String cachePattern() {
        return escapeGlob(prefix + "cache:") + "*";
    }

    private static String escapeGlob(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
