package io.tether.core.limits;

import java.time.Duration;

/**
 * One token-bucket limit: a sustained rate of requests per second and the burst allowed above
 * it (the bucket's size). {@link #OFF} (a rate of 0) limits nothing. Immutable.
 *
 * <pre>{@code
 * RateLimit limit = RateLimit.of(50, 100); // 50/s sustained, bursts of 100
 * }</pre>
 *
 * @param perSecond requests per second refilled (0 = no limit)
 * @param burst     requests allowed at once from a full bucket (at least 1 when on)
 */
public record RateLimit(double perSecond, int burst) {
    /** No limit. */
    public static final RateLimit OFF = new RateLimit(0, 0);

    /** Validates. */
    public RateLimit {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("a rate must be a finite number >= 0: " + perSecond);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("a burst must be >= 0: " + burst);
        }
        if (perSecond > 0 && burst < 1) {
            throw new IllegalArgumentException("a burst must be >= 1 when the rate is on");
        }
    }

    /** A limit of {@code perSecond} with bursts of {@code burst}; {@code perSecond} 0 is {@link #OFF}. */
    public static RateLimit of(double perSecond, int burst) {
        return perSecond == 0 ? OFF : new RateLimit(perSecond, burst);
    }

    /** Whether this limits anything. */
    public boolean enabled() {
        return perSecond > 0;
    }

    /** How long an idle bucket takes to fill up again (after that it is as good as a new one). */
    Duration refillTime() {
        return Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9));
    }

    /** A full bucket of this limit. */
    TokenBucket newBucket(long nowNanos) {
        return new TokenBucket(this, nowNanos);
    }
}
