package io.tether.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reconnection attempt {@code n} (1-based), as Lettuce's
 * {@code Delay}. Implementations must be stateless and thread-safe.
 */
@FunctionalInterface
public interface Backoff {

    /** The delay before attempt {@code attempt} (1 for the first attempt). */
    Duration delay(int attempt);

    /** Always the same delay. */
    static Backoff constant(Duration delay) {
        return attempt -> delay;
    }

    /**
     * {@code min(cap, base * 2^(attempt-1)) + random(0..jitter)}: capped exponential backoff
     * with additive jitter. {@code exponential(1s, 32s, 1s)} is the JSTP reference schedule.
     */
    static Backoff exponential(Duration base, Duration cap, Duration jitter) {
        long baseMs = base.toMillis();
        long capMs = cap.toMillis();
        long jitterMs = jitter.toMillis();
        if (baseMs < 0 || capMs < baseMs || jitterMs < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap and jitter >= 0");
        }
        return attempt -> {
            int shift = Math.min(Math.max(attempt - 1, 0), 30);
            long exp = Math.min(capMs, baseMs << shift);
            long rnd = jitterMs == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMs + 1);
            return Duration.ofMillis(exp + rnd);
        };
    }
}
