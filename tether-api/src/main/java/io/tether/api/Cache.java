package io.tether.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The shared cache as actions see it (in memory by default, Redis in cluster mode).
 * Values are plain Java values (String, numbers, Boolean, List, Map). Calls may block
 * briefly; actions run on virtual threads.
 */
public interface Cache {
    /** Saves a value; {@code ttl} null or zero means no expiry. Returns true. */
    boolean save(String key, Object value, Duration ttl);

    /** Loads a live entry. */
    Optional<CacheEntry> load(String key);

    /** Removes an entry; returns whether it existed. */
    boolean destroy(String key);

    /** Number of live entries. */
    long size();
}
