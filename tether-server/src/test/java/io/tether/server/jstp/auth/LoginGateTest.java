package io.tether.server.jstp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed-login limits with backoff, on a fake clock. */
class LoginGateTest {
    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
    private final Ticker ticker = now::get;
    private final Refusals refusals = new Refusals();
    private final AtomicInteger checks = new AtomicInteger();
    private final LoginLimits limits = LoginLimits.defaults().toBuilder().maxFailures(3).window(Duration.ofMinutes(1))
            .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5)).maxTracked(100).build();
    private final JstpAuthenticator passwords = (strategy, credentials) -> {
        checks.incrementAndGet();
        return credentials instanceof List<?> l && "right".equals(l.get(1)) ? Optional.of((String) l.get(0))
                : Optional.empty();
    };
    private final LoginGate gate = new LoginGate(passwords, limits, refusals, ticker);

    @AfterEach
    void close() {
        gate.close();
    }

    private Optional<String> login(String ip, String user, String password) {
        return gate.attempt("login", List.of(user, password), new InetSocketAddress(ip, 1234)).join();
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void backoffDoublesUpToTheCapAndRefusedAttemptsAreNotChecked() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("10.0.0.1", "u" + i, "wrong")).isEmpty();
        }
        assertThat(checks).hasValue(3);
        assertThat(login("10.0.0.1", "x", "right")).isEmpty(); // locked 1 s
        assertThat(checks).hasValue(3);
        assertThat(refusals.get(Refusal.LOGIN_THROTTLED)).isEqualTo(1);
        assertThat(login("10.0.0.2", "x", "right")).contains("x"); // other address

        advance(Duration.ofMillis(1001));
        assertThat(login("10.0.0.1", "y", "wrong")).isEmpty(); // 4th failure: 2 s
        advance(Duration.ofMillis(1500));
        assertThat(login("10.0.0.1", "y", "right")).isEmpty();
        advance(Duration.ofMillis(501));
        assertThat(login("10.0.0.1", "z1", "wrong")).isEmpty(); // 5th: 4 s
        advance(Duration.ofMillis(4001));
        assertThat(login("10.0.0.1", "z2", "wrong")).isEmpty(); // 6th: 8 s, capped at 5 s
        advance(Duration.ofMillis(4900));
        assertThat(login("10.0.0.1", "y", "right")).isEmpty();
        advance(Duration.ofMillis(101));
        assertThat(login("10.0.0.1", "y", "right")).contains("y");
        assertThat(refusals.get(Refusal.LOGIN_THROTTLED)).isEqualTo(3);
    }

    @Test
    void failuresAreForgottenAfterTheWindowAndASuccessClearsTheUser() {
        assertThat(login("10.0.0.1", "u", "wrong")).isEmpty();
        assertThat(login("10.0.0.2", "u", "wrong")).isEmpty();
        assertThat(login("10.0.0.3", "u", "right")).contains("u"); // clears u, not the addresses
        assertThat(login("10.0.0.4", "u", "wrong")).isEmpty();
        assertThat(login("10.0.0.5", "u", "wrong")).isEmpty();
        assertThat(login("10.0.0.6", "u", "right")).contains("u");
        assertThat(refusals.get(Refusal.LOGIN_THROTTLED)).isZero();

        assertThat(login("10.0.0.7", "v", "wrong")).isEmpty();
        assertThat(login("10.0.0.7", "v", "wrong")).isEmpty();
        advance(Duration.ofSeconds(61));
        assertThat(login("10.0.0.7", "v", "wrong")).isEmpty();
        assertThat(login("10.0.0.7", "v", "right")).contains("v"); // only 1 failure in the window
    }

    @Test
    void trackedKeysAreBounded() {
        for (int i = 0; i < 1000; i++) {
            login("10.0." + (i / 250) + "." + (i % 250), "user" + i, "wrong");
        }
        assertThat(gate.tracked()).isLessThanOrEqualTo(2L * limits.maxTracked());
    }

    @Test
    void longUserNamesShareOneBoundedKey() {
        String longName = "a".repeat(10_000);
        assertThat(LoginGate.userKey(List.of(longName, "p"))).hasSize(LoginGate.USER_KEY_CHARS);
        assertThat(LoginGate.userKey(List.of(1, "p"))).isNull();
        assertThat(LoginGate.userKey("token")).isNull();
        assertThat(LoginGate.userKey(Map.of())).isNull();
    }
}
