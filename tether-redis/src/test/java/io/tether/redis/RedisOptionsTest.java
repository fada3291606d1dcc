package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisOptionsTest {
    @Test
    void defaults() {
        RedisOptions o = RedisOptions.defaults();
        assertThat(o.uri()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(o.keyPrefix()).isEqualTo("tether:");
        assertThat(o.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.heartbeatTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.nodeId()).isNotBlank().isNotEqualTo(RedisOptions.defaults().nodeId());
    }

    @Test
    void environmentIsReadOnlyOnRequest() {
        assertThat(RedisOptions.fromEnvironment(Map.of("REDIS_URL", " redis://cache:6380/2 ")).uri())
                .isEqualTo("redis://cache:6380/2");
        assertThat(RedisOptions.fromEnvironment(Map.of()).uri()).isEqualTo(RedisOptions.DEFAULT_URI);
    }

    @Test
    void toBuilderKeepsEverything() {
        RedisOptions o = RedisOptions.builder().uri("redis://h:1").keyPrefix("p:").nodeId("n1")
                .commandTimeout(Duration.ofMillis(300)).build();
        RedisOptions copy = o.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(o.toString());
        assertThat(o.toBuilder().keyPrefix("q:").build().keyPrefix()).isEqualTo("q:");
    }

    @Test
    void invalidValuesAreConfigurationErrors() {
        assertInvalid(() -> RedisOptions.builder().commandTimeout(Duration.ZERO).build());
        assertInvalid(() -> RedisOptions.builder().uri(" ").build());
        assertInvalid(() -> RedisOptions.builder().heartbeatInterval(Duration.ofSeconds(3)).build());
        assertInvalid(() -> RedisOptions.builder().requestQueueSize(0).build());
    }

    @Test
    void credentialsAreRedacted() {
        RedisOptions o = RedisOptions.builder().uri("redis://user:secret@host:6379").build();
        assertThat(o.redactedUri()).isEqualTo("redis://***@host:6379");
        assertThat(o.toString()).doesNotContain("secret");
    }

    private static void assertInvalid(Runnable build) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }
}
