package io.tether.redis;

import io.tether.core.cache.CacheStore;
import io.tether.core.cache.CaffeineCacheStore;
import io.tether.testkit.cache.CacheStoreContract;

/** The shared cache contract against the in-memory store (the reference the Redis store must match). */
class CaffeineCacheStoreContractTest extends CacheStoreContract {
    @Override
    protected CacheStore newStore() {
        return new CaffeineCacheStore();
    }
}
