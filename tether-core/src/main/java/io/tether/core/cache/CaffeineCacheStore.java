package io.tether.core.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import io.tether.api.CacheEntry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory cache: Caffeine with a per-entry expiry taken from each save's TTL. Values are
 * stored {@linkplain CacheValues#normalize normalized} (integers load back as Long), exactly as
 * a cluster store loads them back from JSON.
 */
public final class CaffeineCacheStore implements CacheStore {
    private final com.github.benmanes.caffeine.cache.Cache<String, CacheEntry> entries;

    /** A cache holding at most {@code maximumSize} entries. */
    public CaffeineCacheStore(long maximumSize) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new EntryExpiry())
                .scheduler(Scheduler.systemScheduler())
                .build();
    }

    /** A cache with the default bound of one million entries. */
    public CaffeineCacheStore() {
        this(1_000_000);
    }

    @Override
    public boolean save(String key, Object value, Duration ttl) {
        long now = System.currentTimeMillis();
        long expiresAt = ttl == null || ttl.isZero() || ttl.isNegative() ? 0 : now + ttl.toMillis();
        entries.put(key, new CacheEntry(key, CacheValues.normalize(value), now, expiresAt));
        return true;
    }

    @Override
    public Optional<CacheEntry> load(String key) {
        return Optional.ofNullable(entries.getIfPresent(key));
    }

    @Override
    public boolean destroy(String key) {
        return entries.asMap().remove(key) != null;
    }

    /**
     * Counts live entries exactly. Caffeine's estimate may still include entries whose TTL
     * passed but that its timer wheel has not evicted yet; its iterators skip those.
     */
    @Override
    public long size() {
        entries.cleanUp();
        long live = 0;
        for (var it = entries.asMap().keySet().iterator(); it.hasNext(); it.next()) {
            live++;
        }
        return live;
    }

    /** Expires each entry at its own {@code expiresAt}; 0 means never. */
    private static final class EntryExpiry implements Expiry<String, CacheEntry> {
        @Override
        public long expireAfterCreate(String key, CacheEntry e, long currentTime) {
            if (e.expiresAt() == 0) {
                return Long.MAX_VALUE;
            }
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, e.expiresAt() - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String key, CacheEntry e, long currentTime, long currentDuration) {
            return expireAfterCreate(key, e, currentTime);
        }

        @Override
        public long expireAfterRead(String key, CacheEntry e, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
