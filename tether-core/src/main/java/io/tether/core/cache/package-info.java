/**
 * The cache SPI {@link io.tether.core.cache.CacheStore}: Caffeine in memory
 * ({@link io.tether.core.cache.CaffeineCacheStore}, the default) or Redis in cluster mode, with the
 * same semantics (per-entry TTL, load/save/destroy, exact size, normalized values).
 *
 * <pre>{@code
 * CacheStore cache = new CaffeineCacheStore();
 * cache.save("k", "v", Duration.ofSeconds(5));
 * cache.load("k").map(CacheEntry::value);   // Optional[v]
 * }</pre>
 */
package io.tether.core.cache;
