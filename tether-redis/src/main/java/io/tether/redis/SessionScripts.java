package io.tether.redis;

/**
 * Lua scripts for JSTP sessions in Redis, each atomic. KEYS are always: session snapshot,
 * owner, inbox. ARGV[1] is this node's id, ARGV[2] the expiry in ms where used.
 */
final class SessionScripts {
    /** Claims a session: nil if unknown/expired, else the previous owner ('' if none); sets owner = ARGV[1]. */
    static final String CLAIM = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local old = redis.call('GET', KEYS[2])
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return old or ''
            """;

    /** Stores a snapshot (ARGV[3]) if this node owns the session or nobody does; 1 if stored. */
    static final String STORE = """
            local owner = redis.call('GET', KEYS[2])
            if owner and owner ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return 1
            """;

    /** Stores a handed-off session's final snapshot (ARGV[3]), keeping the new owner. */
    static final String STORE_FINAL = """
            redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
            return 1
            """;

    /** Gives up ownership (e.g. on shutdown) if this node still owns the session. */
    static final String DISOWN = """
            if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
            return 1
            """;

    /** Deletes a dropped session if this node owns it or nobody does. */
    static final String DELETE = """
            local owner = redis.call('GET', KEYS[2])
            if owner and owner ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
            return 1
            """;

    /** Keeps an attached session alive while this node owns it. */
    static final String REFRESH = """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            return 1
            """;

    /** Appends a message (ARGV[3]) to the inbox of an existing session; 0 if the session is gone. */
    static final String PUSH = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('RPUSH', KEYS[3], ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            return 1
            """;

    /** Takes every inbox message, oldest first, and empties the inbox. */
    static final String DRAIN = """
            local all = redis.call('LRANGE', KEYS[3], 0, -1)
            redis.call('DEL', KEYS[3])
            return all
            """;

    private SessionScripts() {
    }
}
