package io.tether.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void exponentialDoublesUpToTheCapWithBoundedJitter() {
        Backoff b = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertThat(b.delay(1).toMillis()).isBetween(1000L, 2000L);
            assertThat(b.delay(3).toMillis()).isBetween(4000L, 5000L);
            assertThat(b.delay(6).toMillis()).isBetween(32000L, 33000L);
            assertThat(b.delay(1000).toMillis()).isBetween(32000L, 33000L);
        }
        Backoff noJitter = Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(350), Duration.ZERO);
        assertThat(noJitter.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitter.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.delay(3)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectOptions.of(Backoff.constant(Duration.ZERO), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReconnectOptions.defaults().enabled()).isTrue();
        assertThat(ReconnectOptions.disabled().enabled()).isFalse();
    }
}
