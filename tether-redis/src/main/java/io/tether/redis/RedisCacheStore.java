package io.tether.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.tether.api.CacheEntry;
import io.tether.core.cache.CacheStore;
import io.tether.core.cache.CacheValues;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The cache of a cluster in Redis, with the semantics of the in-memory
 * {@link io.tether.core.cache.CaffeineCacheStore}: one key per entry holding the JSON value with
 * its {@code createdAt}/{@code expiresAt}, expiry by Redis ({@code PX}), {@link #size()} counting
 * live entries with SCAN (never KEYS). Values load back normalized: integers as Long. Redis alone
 * decides when an entry is gone (the TTL is sent relative, so clock skew between nodes does not
 * matter); {@code expiresAt} is this node's clock at save plus the TTL.
 *
 * <p>Calls block for at most the command timeout and fail with {@code CLUSTER_UNAVAILABLE}
 * while Redis is unreachable. Obtain it from {@link RedisNode#cacheStore()}.
 */
public final class RedisCacheStore implements CacheStore {
    private static final int SCAN_BATCH = 1000;

    private final RedisClusterCommands<String, String> redis;
    private final RedisKeys keys;
    private final RedisCalls calls;
    private final CacheValueCodec codec;

    RedisCacheStore(RedisClusterCommands<String, String> redis, RedisKeys keys, RedisCalls calls, CacheValueCodec codec) {
        this.redis = redis;
        this.keys = keys;
        this.calls = calls;
        this.codec = codec;
    }

    @Override
    public boolean save(String key, Object value, Duration ttl) {
        Object plain = CacheValues.normalize(value);
        long now = System.currentTimeMillis();
        boolean expires = ttl != null && !ttl.isZero() && !ttl.isNegative();
        long ttlMillis = expires ? Math.max(1, ttl.toMillis()) : 0;
        String json = codec.encode(plain, now, expires ? now + ttlMillis : 0);
        calls.call("saving cache key " + key, () -> expires
                ? redis.set(keys.cache(key), json, SetArgs.Builder.px(ttlMillis))
                : redis.set(keys.cache(key), json));
        return true;
    }

    @Override
    public Optional<CacheEntry> load(String key) {
        String json = calls.call("loading cache key " + key, () -> redis.get(keys.cache(key)));
        if (json == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(codec.decode(key, json));
    }

    @Override
    public boolean destroy(String key) {
        return calls.call("destroying cache key " + key, () -> redis.del(keys.cache(key))) == 1;
    }

    /**
     * Counts live cache keys under the prefix with a SCAN over the keyspace (Redis skips
     * expired keys). Keys seen twice while Redis rehashes are counted once.
     */
    @Override
    public long size() {
        ScanArgs args = ScanArgs.Builder.matches(keys.cachePattern()).limit(SCAN_BATCH);
        Set<String> seen = new HashSet<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = calls.call("counting cache keys", () -> redis.scan(from, args));
            seen.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return seen.size();
    }
}
