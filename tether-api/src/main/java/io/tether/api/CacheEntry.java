package io.tether.api;

/**
 * A loaded cache entry.
 *
 * @param key       the key
 * @param value     the stored value
 * @param createdAt ms since epoch when saved
 * @param expiresAt ms since epoch when it expires, or 0 for never
 */
public record CacheEntry(String key, Object value, long createdAt, long expiresAt) {
}
