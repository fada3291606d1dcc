package io.tether.server.jstp.auth;

import java.time.Duration;

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
 *
 * @param maxFailures  failures of one address or user before attempts are refused (default 10)
 * @param window       failures are forgotten after this long without a new one (default 10 min)
 * @param initialDelay first refusal period once {@code maxFailures} is reached (default 1 s)
 * @param maxDelay     cap of the doubling refusal period (default 5 min)
 * @param maxTracked   addresses and user names each remembered at most; the least recently
 *                     used are forgotten first (default 100,000)
 * @param threads      platform threads that run the authenticator (default 1)
 * @param queue        attempts waiting for a hashing thread; more are refused at once (default 8)
 */
public record LoginLimits(int maxFailures, Duration window, Duration initialDelay, Duration maxDelay,
                          int maxTracked, int threads, int queue) {

    /** Validates the values. */
    public LoginLimits {
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

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
    }

    /** 10 failures, 10 min window, 1 s doubling to 5 min, 100,000 tracked, 1 thread, queue 8. */
    public static LoginLimits defaults() {
        return new LoginLimits(10, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofMinutes(5), 100_000, 1, 8);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link LoginLimits}. */
    public static final class Builder {
        private int maxFailures;
        private Duration window;
        private Duration initialDelay;
        private Duration maxDelay;
        private int maxTracked;
        private int threads;
        private int queue;

        private Builder(LoginLimits l) {
            maxFailures = l.maxFailures;
            window = l.window;
            initialDelay = l.initialDelay;
            maxDelay = l.maxDelay;
            maxTracked = l.maxTracked;
            threads = l.threads;
            queue = l.queue;
        }

        /** Failures before attempts are refused. */
        public Builder maxFailures(int v) {
            maxFailures = v;
            return this;
        }

        /** Failures are forgotten after this long without a new one. */
        public Builder window(Duration v) {
            window = v;
            return this;
        }

        /** First refusal period. */
        public Builder initialDelay(Duration v) {
            initialDelay = v;
            return this;
        }

        /** Cap of the refusal period. */
        public Builder maxDelay(Duration v) {
            maxDelay = v;
            return this;
        }

        /** Addresses and user names each remembered at most. */
        public Builder maxTracked(int v) {
            maxTracked = v;
            return this;
        }

        /** Hashing threads. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /** Attempts waiting for a hashing thread. */
        public Builder queue(int v) {
            queue = v;
            return this;
        }

        /** Builds the limits. */
        public LoginLimits build() {
            return new LoginLimits(maxFailures, window, initialDelay, maxDelay, maxTracked, threads, queue);
        }
    }
}
