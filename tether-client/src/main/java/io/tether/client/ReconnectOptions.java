package io.tether.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Automatic reconnection: whether it happens, the {@link Backoff} between attempts and how
 * many attempts are made before the client gives up ({@code 0} = unlimited). Immutable; use
 * {@link #defaults()}, {@link #disabled()} or {@link #of}, or {@link #builder()} and
 * {@link #toBuilder()}.
 */
public final class ReconnectOptions {
    /** Default backoff: exponential from 1 s up to 32 s with 0 to 1 s of jitter. */
    public static final Backoff DEFAULT_BACKOFF =
            Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(32), Duration.ofSeconds(1));

    private static final ReconnectOptions DEFAULTS = new Builder().build();

    private final boolean enabled;
    private final Backoff backoff;
    private final int maxAttempts;

    private ReconnectOptions(Builder b) {
        this.enabled = b.enabled;
        this.backoff = b.backoff;
        this.maxAttempts = b.maxAttempts;
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0");
        }
    }

    /** Enabled, exponential 1 s to 32 s with 0 to 1 s jitter, unlimited attempts. */
    public static ReconnectOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** No automatic reconnection. */
    public static ReconnectOptions disabled() {
        return builder().enabled(false).build();
    }

    /** Enabled with the given backoff and attempt limit. */
    public static ReconnectOptions of(Backoff backoff, int maxAttempts) {
        return builder().backoff(backoff).maxAttempts(maxAttempts).build();
    }

    /** Whether the client reconnects after an unexpected transport loss (default on). */
    public boolean enabled() {
        return enabled;
    }

    /** Delay before each attempt (default exponential 1 s to 32 s, 0 to 1 s jitter). */
    public Backoff backoff() {
        return backoff;
    }

    /** Attempts before giving up, 0 for no limit (default 0). */
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReconnectOptions x
                && enabled == x.enabled
                && Objects.equals(backoff, x.backoff)
                && maxAttempts == x.maxAttempts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, backoff, maxAttempts);
    }

    @Override
    public String toString() {
        return "ReconnectOptions["
                + "enabled=" + enabled
                + ", backoff=" + backoff
                + ", maxAttempts=" + maxAttempts + "]";
    }

    /** Builder of {@link ReconnectOptions}; every value starts at its default. */
    public static final class Builder {
        private boolean enabled = true;
        private Backoff backoff = DEFAULT_BACKOFF;
        private int maxAttempts;

        private Builder() {
        }

        private Builder(ReconnectOptions o) {
            enabled = o.enabled;
            backoff = o.backoff;
            maxAttempts = o.maxAttempts;
        }

        /** Whether the client reconnects after an unexpected transport loss (default on). */
        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        /** Delay before each attempt (default exponential 1 s to 32 s, 0 to 1 s jitter). */
        public Builder backoff(Backoff v) {
            backoff = v;
            return this;
        }

        /** Attempts before giving up, 0 for no limit (default 0). */
        public Builder maxAttempts(int v) {
            maxAttempts = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public ReconnectOptions build() {
            return new ReconnectOptions(this);
        }
    }
}
