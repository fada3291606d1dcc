package io.tether.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaffeineCacheStoreTest {
    private final CaffeineCacheStore cache = new CaffeineCacheStore();

    @Test
    void saveLoadDestroySize() {
        assertThat(cache.save("k", "v", Duration.ofSeconds(5))).isTrue();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.load("k")).hasValueSatisfying(e -> {
            assertThat(e.value()).isEqualTo("v");
            assertThat(e.expiresAt()).isGreaterThan(e.createdAt());
        });
        assertThat(cache.destroy("k")).isTrue();
        assertThat(cache.destroy("k")).isFalse();
        assertThat(cache.load("k")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void entriesExpireAtTheirOwnTtl() {
        cache.save("short", 1, Duration.ofMillis(150));
        cache.save("forever", 2, null);
        await().atMost(Duration.ofSeconds(3)).until(() -> cache.load("short").isEmpty());
        assertThat(cache.load("forever")).isPresent();
        assertThat(cache.size()).isEqualTo(1);
    }
}
