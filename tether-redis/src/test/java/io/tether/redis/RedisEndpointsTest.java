package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisEndpointsTest {
    @Test
    void theSchemeNamesTheMode() {
        assertThat(RedisOptions.builder().uri("redis://h:6379/2").build().mode()).isEqualTo(RedisMode.STANDALONE);
        assertThat(RedisOptions.builder().uri("rediss://h:6380").build().mode()).isEqualTo(RedisMode.STANDALONE);
        assertThat(RedisOptions.builder().uri("redis-sentinel://h:26379,h:26380/0#mymaster").build().mode())
                .isEqualTo(RedisMode.SENTINEL);
        assertThat(RedisOptions.builder().uri("redis-cluster://h1:7000,h2:7001").build().mode())
                .isEqualTo(RedisMode.CLUSTER);
        assertThat(RedisOptions.builder().uri("REDISS-CLUSTER://h1:7000").build().mode()).isEqualTo(RedisMode.CLUSTER);
    }

    @Test
    void anExplicitModeMustFitTheUri() {
        assertThat(RedisOptions.builder().uri("redis://h:7000").mode(RedisMode.CLUSTER).build().mode())
                .isEqualTo(RedisMode.CLUSTER);
        assertInvalid(() -> RedisOptions.builder().uri("redis://h:6379").mode(RedisMode.SENTINEL).build());
        assertInvalid(() -> RedisOptions.builder().uri("redis-cluster://h:7000").mode(RedisMode.STANDALONE).build());
        assertInvalid(() -> RedisOptions.builder().uri("h:6379").build());
        // toBuilder keeps "inferred": a new URI names the mode again
        RedisOptions inferred = RedisOptions.builder().uri("redis://h:6379").build();
        assertThat(inferred.toBuilder().uri("redis-cluster://h:7000").build().mode()).isEqualTo(RedisMode.CLUSTER);
    }

    @Test
    void aClusterUriGivesOneSeedPerHostWithTheCredentialsAndOptions() {
        assertThat(RedisEndpoints.seeds("redis-cluster://user:pw@h1:7000,h2:7001/0?timeout=5s")).containsExactly(
                "redis://user:pw@h1:7000?timeout=5s", "redis://user:pw@h2:7001?timeout=5s");
        assertThat(RedisEndpoints.seeds("rediss-cluster://h1:7000")).containsExactly("rediss://h1:7000");
        assertThat(RedisEndpoints.seeds("redis://h1:7000")).containsExactly("redis://h1:7000");
        List<RedisURI> uris = RedisEndpoints.lettuceUris("redis-cluster://:pw@h1:7000,h2:7001", RedisMode.CLUSTER,
                Duration.ofSeconds(3), "x");
        assertThat(uris).extracting(RedisURI::getHost).containsExactly("h1", "h2");
        assertThat(uris).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(uris.get(1).getCredentialsProvider().resolveCredentials().block().getPassword()).isEqualTo("pw".toCharArray());
        assertThat(uris.get(0).getTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aSentinelUriIsLettucesOwn() {
        List<RedisURI> uris = RedisEndpoints.lettuceUris("redis-sentinel://h1:26379,h2:26380/3#mymaster",
                RedisMode.SENTINEL, Duration.ofSeconds(2), "x");
        assertThat(uris).hasSize(1);
        assertThat(uris.get(0).getSentinels()).extracting(RedisURI::getPort).containsExactly(26379, 26380);
        assertThat(uris.get(0).getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(uris.get(0).getDatabase()).isEqualTo(3);
    }

    @Test
    void credentialsOfEveryFormAreRedacted() {
        assertThat(RedisOptions.builder().uri("redis-cluster://u:secret@h1:7000,h2:7001").build().redactedUri())
                .isEqualTo("redis-cluster://***@h1:7000,h2:7001");
        assertThat(RedisOptions.builder().uri("redis-sentinel://secret@h1:26379#m").build().toString())
                .doesNotContain("secret");
    }

    @Test
    void theServerVersionPicksShardedPubSub() {
        assertThat(RedisLink.majorVersion("# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:0\r\n")).isEqualTo(7);
        assertThat(RedisLink.majorVersion("redis_version:6.2.14\n")).isEqualTo(6);
        assertThat(RedisLink.majorVersion("")).isZero();
    }

    private static void assertInvalid(Runnable build) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }
}
