package io.tether.app.cluster;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Demo-app nodes in this JVM on one Redis and key prefix (port 0), their clients, and a Redis probe. */
final class ClusterNodes implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final RedisTestServer redis;
    private final String prefix;
    private final List<TetherServer> servers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private RedisClient probeClient;
    private StatefulRedisConnection<String, String> probe;

    ClusterNodes(RedisTestServer redis) {
        this.redis = redis;
        this.prefix = redis.uniquePrefix();
    }

    /** The settings of every node: fast heartbeats, short command timeout, the JSTP test app. */
    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tether.socket.host", "127.0.0.1");
        s.put("tether.socket.port", 0);
        s.put("tether.jstp.host", "127.0.0.1");
        s.put("tether.jstp.port", 0);
        s.put("tether.demo", "all");
        s.put("tether.redis.url", redis.uri());
        s.put("tether.redis.key-prefix", prefix);
        s.put("tether.redis.command-timeout", "1s");
        s.put("tether.redis.heartbeat-interval", "250ms");
        s.put("tether.redis.heartbeat-ttl", "2s");
        return s;
    }

    String prefix() {
        return prefix;
    }

    TetherServer start() {
        TetherServer server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), settings()), null));
        servers.add(server);
        return server;
    }

    /** A socket client whose welcome line was read. */
    LineClient socket(TetherServer node) {
        return socket(node.port("socket"));
    }

    LineClient socket(int port) {
        LineClient c = LineClient.connect("127.0.0.1", port);
        clients.add(c);
        c.readLine(WAIT);
        return c;
    }

    JstpFrameClient jstp(TetherServer node) {
        JstpFrameClient c = JstpFrameClient.connect("127.0.0.1", node.port("jstp"));
        clients.add(c);
        return c;
    }

    /** The value of a key under this cluster's prefix, or null. */
    String get(String key) {
        if (probe == null) {
            probeClient = RedisClient.create(redis.uri());
            probe = probeClient.connect();
        }
        return probe.sync().get(prefix + key);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        servers.forEach(TetherServer::close);
        if (probeClient != null) {
            probeClient.shutdown();
        }
        redis.start();
        deleteKeys();
    }

    private void deleteKeys() {
        RedisClient client = RedisClient.create(redis.uri());
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
