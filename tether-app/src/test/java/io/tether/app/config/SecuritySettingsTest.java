package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.limits.RateLimit;
import io.tether.core.limits.RateLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tether.auth}, {@code tether.rate-limit} and {@code tether.jstp.handshake-rate}: off by default, mapped, checked. */
class SecuritySettingsTest {
    private static AppConfig map(Map<String, ?> cli) {
        return AppConfig.from(ConfigLoader.load(null, Map.of(), cli), null);
    }

    @Test
    void everythingIsOffByDefault() {
        AppConfig config = map(Map.of());
        assertThat(config.actions().requireAuthentication()).isFalse();
        assertThat(config.loginActions()).isFalse();
        assertThat(config.rateLimits()).isEqualTo(RateLimits.defaults());
        assertThat(config.rateLimits().enabled()).isFalse();
        assertThat(config.jstp().orElseThrow().handshakeRate()).isEqualTo(RateLimit.OFF);
    }

    @Test
    void keysFromTheCommandLineAndTheEnvironment() {
        AppConfig config = AppConfig.from(ConfigLoader.load(null,
                Map.of("TETHER_RATE_LIMIT_ADDRESS_PER_SECOND", "500", "TETHER_AUTH_REQUIRE_AUTHENTICATION", "true"),
                Map.of("tether.rate-limit.session.per-second", 2.5, "tether.rate-limit.session.burst", 10,
                        "tether.rate-limit.max-tracked-addresses", 1000, "tether.auth.login-actions", true,
                        "tether.jstp.handshake-rate.per-second", 5)), null);
        assertThat(config.actions().requireAuthentication()).isTrue();
        assertThat(config.loginActions()).isTrue();
        assertThat(config.rateLimits().perSession()).isEqualTo(RateLimit.of(2.5, 10));
        assertThat(config.rateLimits().perAddress()).isEqualTo(RateLimit.of(500, 2000));
        assertThat(config.rateLimits().maxTrackedAddresses()).isEqualTo(1000);
        assertThat(config.jstp().orElseThrow().handshakeRate()).isEqualTo(RateLimit.of(5, 20));
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> map(Map.of("tether.rate-limit.session.per-second", -1)))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.rate-limit.session.per-second")
                .satisfies(e -> assertThat(((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
        assertThatThrownBy(() -> map(Map.of("tether.rate-limit.address.per-second", 1, "tether.rate-limit.address.burst", 0)))
                .hasMessageContaining("tether.rate-limit.address.burst");
        assertThatThrownBy(() -> map(Map.of("tether.jstp.handshake-rate.per-second", 1, "tether.jstp.handshake-rate.burst", 0)))
                .hasMessageContaining("tether.jstp.handshake-rate.burst");
        assertThatThrownBy(() -> map(Map.of("tether.rate-limit.max-tracked-addresses", 0)))
                .hasMessageContaining("tether.rate-limit.max-tracked-addresses");
    }
}
