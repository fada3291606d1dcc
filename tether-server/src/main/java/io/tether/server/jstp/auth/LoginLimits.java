package io.tether.server.jstp.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of JSTP logins ({@code login} and custom strategies): failed-attempt limits with
 * exponential backoff, per remote address and per user name, and the small pool that hashes
 * passwords. Immutable; start from {@link #defaults()} and change with {@link #toBuilder()}.
 *
 * <p>When an address or a user name has {@code maxFailures} failures with no gap longer than
 * {@code window} between them, further attempts from that address or for that user are refused
 * at once ({@code [11]}, no hashing) for {@code initialDelay}; every further failure after the
 * delay doubles it, up to {@code maxDelay}. A success clears the user's failures (not the
 * address's). Refused attempts do not count as failures.
 *
 * <pre>{@code
 * LoginLimits limits = LoginLimits.defaults().toBuilder().maxFailures(5).maxDelay(Duration.ofMinutes(15)).build();
 * }</pre>
 */
public final class LoginLimits {
    /** Default failures before attempts are refused: 10. */
    public static final int DEFAULT_MAX_FAILURES = 10;
    /** Default window after which failures are forgotten: 10 minutes. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** Default first refusal period: 1 second. */
    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(1);
    /** Default cap of the refusal period: 5 minutes. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(5);
    /** Default addresses and user names each remembered: 100,000. */
    public static final int DEFAULT_MAX_TRACKED = 100_000;
    /** Default hashing threads: 1. */
    public static final int DEFAULT_THREADS = 1;
    /** Default attempts waiting for a hashing thread: 8. */
    public static final int DEFAULT_QUEUE = 8;

    private static final LoginLimits DEFAULTS = new Builder().build();

    private final int maxFailures;
    private final Duration window;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final int maxTracked;
    private final int threads;
    private final int queue;

    private LoginLimits(Builder b) {
        this.maxFailures = b.maxFailures;
        this.window = b.window;
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxTracked = b.maxTracked;
        this.threads = b.threads;
        this.queue = b.queue;
        if (maxFailures < 1 || maxTracked < 1 || threads < 1 || queue < 0) {
            throw new IllegalArgumentException("maxFailures, maxTracked and threads must be >= 1, queue >= 0");
        }
        requirePositive(window, "window");
        requirePositive(initialDelay, "initialDelay");
        requirePositive(maxDelay, "maxDelay");
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= initialDelay");
        }
    }

    /** 10 failures, 10 min window, 1 s doubling to 5 min, 100,000 tracked, 1 thread, queue 8. */
    public static LoginLimits defaults() {
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

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
    }

    /** Failures of one address or user before attempts are refused, at least 1 (default 10). */
    public int maxFailures() {
        return maxFailures;
    }

    /** Failures are forgotten after this long without a new one (default 10 min). */
    public Duration window() {
        return window;
    }

    /** First refusal period once {@code maxFailures} is reached (default 1 s). */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** Cap of the doubling refusal period, at least {@code initialDelay} (default 5 min). */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Addresses and user names each remembered at most; the least recently used are forgotten first
     * (default 100,000).
     */
    public int maxTracked() {
        return maxTracked;
    }

    /** Platform threads that run the authenticator, at least 1 (default 1). */
    public int threads() {
        return threads;
    }

    /** Attempts waiting for a hashing thread; more are refused at once (default 8). */
    public int queue() {
        return queue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginLimits x
                && maxFailures == x.maxFailures
                && Objects.equals(window, x.window)
                && Objects.equals(initialDelay, x.initialDelay)
                && Objects.equals(maxDelay, x.maxDelay)
                && maxTracked == x.maxTracked
                && threads == x.threads
                && queue == x.queue;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxFailures, window, initialDelay, maxDelay, maxTracked, threads, queue);
    }

    @Override
    public String toString() {
        return "LoginLimits["
                + "maxFailures=" + maxFailures
                + ", window=" + window
                + ", initialDelay=" + initialDelay
                + ", maxDelay=" + maxDelay
                + ", maxTracked=" + maxTracked
                + ", threads=" + threads
                + ", queue=" + queue + "]";
    }

    /** Builder of {@link LoginLimits}; every value starts at its default. */
    public static final class Builder {
        private int maxFailures = DEFAULT_MAX_FAILURES;
        private Duration window = DEFAULT_WINDOW;
        private Duration initialDelay = DEFAULT_INITIAL_DELAY;
        private Duration maxDelay = DEFAULT_MAX_DELAY;
        private int maxTracked = DEFAULT_MAX_TRACKED;
        private int threads = DEFAULT_THREADS;
        private int queue = DEFAULT_QUEUE;

        private Builder() {
        }

        private Builder(LoginLimits o) {
            maxFailures = o.maxFailures;
            window = o.window;
            initialDelay = o.initialDelay;
            maxDelay = o.maxDelay;
            maxTracked = o.maxTracked;
            threads = o.threads;
            queue = o.queue;
        }

        /** Failures of one address or user before attempts are refused, at least 1 (default 10). */
        public Builder maxFailures(int v) {
            maxFailures = v;
            return this;
        }

        /** Failures are forgotten after this long without a new one (default 10 min). */
        public Builder window(Duration v) {
            window = v;
            return this;
        }

        /** First refusal period once {@code maxFailures} is reached (default 1 s). */
        public Builder initialDelay(Duration v) {
            initialDelay = v;
            return this;
        }

        /** Cap of the doubling refusal period, at least {@code initialDelay} (default 5 min). */
        public Builder maxDelay(Duration v) {
            maxDelay = v;
            return this;
        }

        /**
         * Addresses and user names each remembered at most; the least recently used are forgotten first
         * (default 100,000).
         */
        public Builder maxTracked(int v) {
            maxTracked = v;
            return this;
        }

        /** Platform threads that run the authenticator, at least 1 (default 1). */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Attempts waiting for a hashing thread; more are refused at once (default 8). */
        public Builder queue(int v) {
            queue = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public LoginLimits build() {
            return new LoginLimits(this);
        }
    }
}
