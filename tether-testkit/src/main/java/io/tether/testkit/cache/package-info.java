/**
 * Contract tests shared by every cache store implementation.
 *
 * <pre>{@code
 * class RedisCacheStoreIT extends CacheStoreContract {
 *     protected CacheStore newStore() { return node.cacheStore(); }
 * }
 * }</pre>
 */
package io.tether.testkit.cache;
