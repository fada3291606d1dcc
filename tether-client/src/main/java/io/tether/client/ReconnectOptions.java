package io.tether.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Automatic reconnection: whether it happens, the {@link Backoff} between attempts and how
 * many attempts are made before the client gives up ({@code 0} = unlimited). Immutable.
 *
 * @param enabled     reconnect after an unexpected transport loss
 * @param backoff     delay before each attempt
 * @param maxAttempts attempts before giving up, 0 for no limit
 */
public record ReconnectOptions(boolean enabled, Backoff backoff, int maxAttempts) {

    private static final ReconnectOptions DEFAULTS = new ReconnectOptions(true,
            Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(1)), 0);

    public ReconnectOptions {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0");
        }
    }

    /** Enabled, exponential 1 s → 32 s with 0–1 s jitter, unlimited attempts. */
    public static ReconnectOptions defaults() {
        return DEFAULTS;
    }

    /** No automatic reconnection. */
    public static ReconnectOptions disabled() {
        return new ReconnectOptions(false, DEFAULTS.backoff, 0);
    }

    /** Enabled with the given backoff and attempt limit. */
    public static ReconnectOptions of(Backoff backoff, int maxAttempts) {
        return new ReconnectOptions(true, backoff, maxAttempts);
    }
}
