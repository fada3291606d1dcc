package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.redis.RedisMode;
import io.tether.redis.RedisOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tether.redis}: single node by default, the URL from every layer, REDIS_URL lowest. */
class RedisSettingsTest {
    private static AppConfig map(Map<String, String> env, Map<String, ?> cli) {
        return AppConfig.from(ConfigLoader.load(null, env, cli), null);
    }

    @Test
    void noUrlMeansASingleNodeInMemory() {
        assertThat(map(Map.of(), Map.of()).redis()).isEmpty();
        assertThat(map(Map.of("REDIS_URL", "  "), Map.of()).redis()).isEmpty();
    }

    @Test
    void theUrlComesFromTheCommandLineThenTetherRedisUrlThenRedisUrl() {
        Map<String, String> both = Map.of("REDIS_URL", "redis://conventional:6379",
                "TETHER_REDIS_URL", "redis://tether:6379");
        assertThat(map(Map.of("REDIS_URL", "redis://conventional:6379"), Map.of()).redis())
                .map(RedisOptions::uri).contains("redis://conventional:6379");
        assertThat(map(both, Map.of()).redis()).map(RedisOptions::uri).contains("redis://tether:6379");
        assertThat(map(both, Map.of("tether.redis.url", "redis://cli:6379")).redis())
                .map(RedisOptions::uri).contains("redis://cli:6379");
    }

    @Test
    void settingsAreMapped() {
        RedisOptions o = map(Map.of("TETHER_REDIS_KEY_PREFIX", "blue:", "TETHER_REDIS_HEARTBEAT_TTL", "9s"),
                Map.of("tether.redis.url", "redis://h:1", "tether.redis.node-id", "n1",
                        "tether.redis.command-timeout", "750ms")).redis().orElseThrow();
        assertThat(o.keyPrefix()).isEqualTo("blue:");
        assertThat(o.heartbeatTtl()).isEqualTo(Duration.ofSeconds(9));
        assertThat(o.commandTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(o.nodeId()).isEqualTo("n1");
        assertThat(map(Map.of(), Map.of("tether.redis.url", "redis://h:1")).redis().orElseThrow().nodeId())
                .isNotBlank();
    }

    @Test
    void theModeIsInferredFromTheUrlOrSet() {
        assertThat(map(Map.of(), Map.of("tether.redis.url", "redis-cluster://h1:7000,h2:7001")).redis())
                .map(RedisOptions::mode).contains(RedisMode.CLUSTER);
        assertThat(map(Map.of(), Map.of("tether.redis.url", "redis-sentinel://h1:26379#m")).redis())
                .map(RedisOptions::mode).contains(RedisMode.SENTINEL);
        assertThat(map(Map.of(), Map.of("tether.redis.url", "redis://h1:6379")).redis())
                .map(RedisOptions::mode).contains(RedisMode.STANDALONE);
        assertThat(map(Map.of("TETHER_REDIS_MODE", "Cluster"), Map.of("tether.redis.url", "redis://h1:7000")).redis())
                .map(RedisOptions::mode).contains(RedisMode.CLUSTER);
        for (String bad : new String[] {"ring", "sentinel"}) {
            assertThatThrownBy(() -> map(Map.of(), Map.of("tether.redis.url", "redis://h:1", "tether.redis.mode", bad)))
                    .isInstanceOfSatisfying(TetherException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
        }
    }

    @Test
    void invalidSettingsAreConfigurationErrors() {
        assertThatThrownBy(() -> map(Map.of(), Map.of("tether.redis.url", "redis://h:1",
                "tether.redis.heartbeat-interval", "5s", "tether.redis.heartbeat-ttl", "1s")))
                .isInstanceOfSatisfying(TetherException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }
}
