package io.tether.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runnable server on a real Sentinel set ({@code --redis-url redis-sentinel://…#mymaster}):
 * when the primary is killed, {@code GET /health} answers 503 until the sentinels promoted the
 * replica and the node reached it, then 200; the node keeps serving its connections
 * throughout and room verbs work again afterwards.
 */
class ClusterFailoverHealthIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverHealthIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisTopology SENTINEL = RedisTopology.sentinel();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    private int health(TetherServer server) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("admin") + "/health"))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void healthIs503DuringTheFailoverAnd200After() throws Exception {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tether.socket.host", "127.0.0.1");
        s.put("tether.socket.port", 0);
        s.put("tether.jstp.host", "127.0.0.1");
        s.put("tether.jstp.port", 0);
        s.put("tether.admin.port", 0);
        s.put("tether.demo", "all");
        s.put("tether.redis.url", SENTINEL.uri());
        s.put("tether.redis.key-prefix", "health-it:");
        s.put("tether.redis.command-timeout", "1s");
        s.put("tether.redis.heartbeat-interval", "250ms");
        s.put("tether.redis.heartbeat-ttl", "2s");
        try (TetherServer server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), s), null));
             LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
            c.readLine(WAIT);
            assertThat(health(server)).isEqualTo(200);
            c.send("roomAdd defaultRoom");
            assertThat(c.readMap(WAIT)).doesNotContainKey("error");

            long killedAt = System.nanoTime();
            SENTINEL.kill(SENTINEL.sentinelPrimary());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> health(server) == 503);
            long down = System.nanoTime();
            c.send("randomNumber"); // a plain action is answered during the outage
            assertThat(c.readMap(WAIT)).containsKey("randomNumber");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> health(server) == 200);
            LOG.info("sentinel primary killed: /health 503 after {} ms, 200 again after {} ms",
                    Duration.ofNanos(down - killedAt).toMillis(), Duration.ofNanos(System.nanoTime() - killedAt).toMillis());
            c.send("roomView defaultRoom");
            assertThat(c.readLine(WAIT)).contains("\"members\"");
        }
    }
}
