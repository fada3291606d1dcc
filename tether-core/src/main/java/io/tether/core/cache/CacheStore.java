package io.tether.core.cache;

import io.tether.api.Cache;

/**
 * The cache SPI: {@link CaffeineCacheStore} in memory by default, Redis in cluster mode.
 * Implementations must give identical semantics (TTL, load/save/destroy, size).
 */
public interface CacheStore extends Cache, AutoCloseable {
    @Override
    default void close() {
    }
}
