package io.tether.redis;

/**
 * The Lua scripts that keep room membership consistent: each one runs atomically in Redis.
 * A membership value is {@code "{seq}:{joinedAt}:{nodeId}"}. The scripts derive room and node
 * keys from the registry prefix ({@link RedisKeys#registry()}): every key they touch carries the
 * registry's hash tag, so on Redis Cluster they all live in one slot (on one primary).
 */
final class LuaScripts {
    /**
     * Adds a member. KEYS: rooms, room hash, joins counter, node rooms set. ARGV: room, member,
     * joinedAt, nodeId, whether the room must already exist ("1") or is (re)created ("0").
     * Returns -1 if the room does not exist, 0 if already a member, 1 when added.
     */
    static final String JOIN = """
            if ARGV[5] == '1' and redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return -1 end
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 0 end
            local seq = redis.call('INCR', KEYS[3])
            redis.call('HSET', KEYS[2], ARGV[2], seq .. ':' .. ARGV[3] .. ':' .. ARGV[4])
            redis.call('SADD', KEYS[4], ARGV[1])
            return 1
            """;

    /**
     * Lists the live members of a room (owning node's heartbeat present). KEYS: room hash.
     * ARGV: registry prefix. Returns a flat list member, seq, joinedAt, member, seq, joinedAt, ...
     */
    static final String VIEW = """
            local flat = redis.call('HGETALL', KEYS[1])
            local alive = {}
            local out = {}
            for i = 1, #flat, 2 do
              local seq, joined, node = string.match(flat[i + 1], '^(%d+):(%d+):(.*)$')
              if seq then
                if alive[node] == nil then
                  alive[node] = redis.call('EXISTS', ARGV[1] .. 'node:' .. node) == 1
                end
                if alive[node] then
                  out[#out + 1] = flat[i]
                  out[#out + 1] = seq
                  out[#out + 1] = joined
                end
              end
            end
            return out
            """;

    /**
     * Removes the members of dead nodes (no heartbeat key) and, if ARGV[2] is not empty, of
     * that node unconditionally (a clean shutdown). KEYS: nodes set. ARGV: registry prefix, node id to
     * purge. Returns the number of memberships removed.
     */
    static final String SWEEP = """
            local removed = 0
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local hb = ARGV[1] .. 'node:' .. node
              if node == ARGV[2] or redis.call('EXISTS', hb) == 0 then
                local roomsKey = hb .. ':rooms'
                for _, room in ipairs(redis.call('SMEMBERS', roomsKey)) do
                  local hash = ARGV[1] .. 'room:' .. room
                  local flat = redis.call('HGETALL', hash)
                  for i = 1, #flat, 2 do
                    local owner = string.match(flat[i + 1], '^%d+:%d+:(.*)$')
                    if owner == node then
                      removed = removed + redis.call('HDEL', hash, flat[i])
                    end
                  end
                end
                redis.call('DEL', roomsKey)
                redis.call('SREM', KEYS[1], node)
                if node == ARGV[2] then redis.call('DEL', hb) end
              end
            end
            return removed
            """;

    /**
     * Refreshes a heartbeat and registers the node. KEYS: heartbeat key, nodes set. ARGV: value,
     * TTL in ms, node id. Returns the previous value (nil if the heartbeat had expired or vanished).
     */
    static final String HEARTBEAT = """
            local old = redis.call('GET', KEYS[1])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            return old
            """;

    /** Destroys a room and its memberships. KEYS: rooms, room hash. ARGV: room. Returns 1 if it existed. */
    static final String DESTROY = """
            local existed = redis.call('SREM', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            return existed
            """;

    private LuaScripts() {
    }
}
