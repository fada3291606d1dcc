package io.tether.redis;

import io.tether.core.cache.CacheStore;
import io.tether.testkit.cache.CacheStoreContract;
import io.tether.testkit.redis.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared cache contract against Redis: same results as the in-memory store. */
class RedisCacheStoreContractIT extends CacheStoreContract {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();

    private RedisNode node;
    private String prefix;

    @Override
    protected CacheStore newStore() {
        prefix = REDIS.uniquePrefix();
        node = RedisNode.connect(RedisOptions.builder().uri(REDIS.uri()).keyPrefix(prefix).build());
        return node.cacheStore();
    }

    @AfterEach
    void closeNode() {
        node.close();
        TestNodes.deleteKeys(REDIS.uri(), prefix);
    }
}
