package io.tether.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tether.core.TetherCore;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Builds Tether nodes on one Redis for a test and closes them all afterwards; plus a probe connection. */
final class TestNodes implements AutoCloseable {
    /** One node: the core and its Redis side. */
    record Node(TetherCore core, RedisNode redis) {
    }

    private final String uri;
    private final String prefix;
    /** Whether the Redis outlives the test, so that its keys are deleted on close. */
    private final boolean shared;
    private final List<Node> nodes = new ArrayList<>();
    private RedisClient probeClient;
    private StatefulRedisConnection<String, String> probe;

    TestNodes(RedisTestServer server) {
        this(server.uri(), server.uniquePrefix(), true);
    }

    /** Nodes on a Redis topology the test throws away (Sentinel set, Redis Cluster: any URI form). */
    TestNodes(String uri) {
        this(uri, "test-" + java.util.UUID.randomUUID().toString().substring(0, 8) + ":", false);
    }

    private TestNodes(String uri, String prefix, boolean shared) {
        this.uri = uri;
        this.prefix = prefix;
        this.shared = shared;
    }

    String prefix() {
        return prefix;
    }

    /**
     * Options for a fast-beating test node. Its command timeout (5 s) is above the production
     * default (2 s): on a loaded CI machine one Redis round trip can take over a second, and a
     * test that is not about timeouts must not fail on one; fault tests set a short one.
     */
    RedisOptions.Builder options() {
        return RedisOptions.builder().uri(uri).keyPrefix(prefix)
                .commandTimeout(Duration.ofSeconds(5))
                .heartbeatInterval(Duration.ofMillis(250))
                .heartbeatTtl(Duration.ofSeconds(2))
                .maxReconnectDelay(Duration.ofMillis(200));
    }

    Node start() {
        return start(options().build());
    }

    Node start(RedisOptions options) {
        RedisNode redis = RedisNode.connect(options);
        TetherCore core = TetherCore.builder().roomBroker(redis.roomBroker()).cache(redis.cacheStore())
                .room("defaultRoom", "otherRoom").build();
        Node node = new Node(core, redis);
        nodes.add(node);
        return node;
    }

    /** A plain Redis connection for checking what is in Redis. */
    RedisCommands<String, String> probe() {
        if (probe == null) {
            probeClient = RedisClient.create(uri);
            probe = probeClient.connect();
        }
        return probe.sync();
    }

    /** Waits for a room operation of the (asynchronous) room service; a failure is rethrown as itself. */
    static <T> T sync(CompletableFuture<T> operation) {
        try {
            return operation.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    String channel(String room) {
        return prefix + "room:" + room;
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.core().close();
            n.redis().close();
        }
        if (shared) {
            deleteKeys(uri, prefix);
        }
        if (probeClient != null) {
            probeClient.shutdown();
        }
    }

    /** Removes every key under a test's prefix (matters when REDIS_URL is a shared Redis). */
    static void deleteKeys(String uri, String prefix) {
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
                if (!page.getKeys().isEmpty()) {
                    c.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            client.shutdown();
        }
    }
}
