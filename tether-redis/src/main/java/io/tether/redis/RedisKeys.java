package io.tether.redis;

/**
 * The key and channel layout under one prefix {@code P} (default {@code tether:}). Keys that a
 * Lua script or one command uses together share a Redis Cluster hash tag, so they live in one
 * slot: the room registry (rooms, members, nodes and heartbeats, which the membership scripts
 * read together) under the tag {@code {rooms}}, each JSTP session's keys under its id. The same
 * names serve every mode (standalone and Sentinel ignore the braces).
 *
 * <pre>
 * P{rooms}:all                SET    all room names
 * P{rooms}:room:{room}        HASH   member id -> "{seq}:{joinedAt}:{nodeId}" (seq = cluster-wide join order)
 * P{rooms}:joins              STRING counter giving every join its seq
 * P{rooms}:nodes              SET    ids of nodes that may own members
 * P{rooms}:node:{id}          STRING heartbeat of a live node (PX = heartbeat TTL)
 * P{rooms}:node:{id}:rooms    SET    rooms in which node {id} has (or had) members
 * P cache:{key}               STRING JSON {"v":value,"c":createdAt,"e":expiresAt} (PX = TTL)
 * P room:{room}               channel of the room (sharded on Redis Cluster 7+), JSON {room, from, message, sentAt}
 * P session:{{id}}            STRING JSON snapshot of a JSTP session (PX = session expiry)
 * P session:{{id}}:owner      STRING id of the node that owns the session (PX = session expiry)
 * P session:{{id}}:inbox      LIST   JSON messages for the session while no node owns it
 * P sessions:{nodeId}         channel of a node (sharded on Redis Cluster 7+): session hand-off, forwarded messages
 * </pre>
 *
 * ({@code {room}}, {@code {id}} stand for the values; {@code {{id}}} is the id inside literal
 * braces, a hash tag.) A prefix holding a hash tag of its own puts every key in that one slot,
 * which stays correct.
 */
final class RedisKeys {
    private final String prefix;
    private final String registry;

    RedisKeys(String prefix) {
        this.prefix = prefix;
        this.registry = prefix + "{rooms}:";
    }

    String prefix() {
        return prefix;
    }

    /** The prefix of every room registry key (what the membership scripts append node ids and room names to). */
    String registry() {
        return registry;
    }

    String rooms() {
        return registry + "all";
    }

    String members(String room) {
        return registry + "room:" + room;
    }

    String joins() {
        return registry + "joins";
    }

    String nodes() {
        return registry + "nodes";
    }

    String heartbeat(String nodeId) {
        return registry + "node:" + nodeId;
    }

    String nodeRooms(String nodeId) {
        return registry + "node:" + nodeId + ":rooms";
    }

    String channel(String room) {
        return prefix + "room:" + room;
    }

    String session(String id) {
        return prefix + "session:{" + id + "}";
    }

    String sessionOwner(String id) {
        return session(id) + ":owner";
    }

    String sessionInbox(String id) {
        return session(id) + ":inbox";
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
