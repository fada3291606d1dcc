package io.tether.core.limits;

import java.util.Objects;

/**
 * The request rate limits of a server: per session (a socket connection, a JSTP session) and
 * per remote address (shared by all its sessions), both token buckets, both off by default.
 * A request is an action call, a JSTP method call or client event, or a room operation
 * ({@code roomAdd}/{@code join}, {@code roomLeave}/{@code leave}, {@code roomView}/{@code view},
 * {@code say}). Immutable.
 *
 * <pre>{@code
 * RateLimits limits = RateLimits.builder().perSession(RateLimit.of(50, 100))
 *         .perAddress(RateLimit.of(500, 1000)).build();
 * TetherCore core = TetherCore.builder().rateLimits(limits).build();
 * }</pre>
 */
public final class RateLimits {
    /** Default number of addresses whose buckets are remembered: 100,000. */
    public static final long DEFAULT_MAX_TRACKED_ADDRESSES = 100_000;

    private static final RateLimits DEFAULTS = new Builder().build();

    private final RateLimit perSession;
    private final RateLimit perAddress;
    private final long maxTrackedAddresses;

    private RateLimits(Builder b) {
        this.perSession = Objects.requireNonNull(b.perSession, "perSession");
        this.perAddress = Objects.requireNonNull(b.perAddress, "perAddress");
        this.maxTrackedAddresses = b.maxTrackedAddresses;
        if (maxTrackedAddresses < 1) {
            throw new IllegalArgumentException("maxTrackedAddresses must be >= 1");
        }
    }

    /** Both limits off. */
    public static RateLimits defaults() {
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

    /** Requests of one session (default off). */
    public RateLimit perSession() {
        return perSession;
    }

    /** Requests of all sessions of one remote address together (default off). */
    public RateLimit perAddress() {
        return perAddress;
    }

    /** Addresses whose buckets are remembered at most (default 100,000; least recently used dropped first). */
    public long maxTrackedAddresses() {
        return maxTrackedAddresses;
    }

    /** Whether any limit is on. */
    public boolean enabled() {
        return perSession.enabled() || perAddress.enabled();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateLimits x && perSession.equals(x.perSession) && perAddress.equals(x.perAddress)
                && maxTrackedAddresses == x.maxTrackedAddresses;
    }

    @Override
    public int hashCode() {
        return Objects.hash(perSession, perAddress, maxTrackedAddresses);
    }

    @Override
    public String toString() {
        return "RateLimits[perSession=" + perSession + ", perAddress=" + perAddress
                + ", maxTrackedAddresses=" + maxTrackedAddresses + "]";
    }

    /** Builder of {@link RateLimits}; every value starts at its default. */
    public static final class Builder {
        private RateLimit perSession = RateLimit.OFF;
        private RateLimit perAddress = RateLimit.OFF;
        private long maxTrackedAddresses = DEFAULT_MAX_TRACKED_ADDRESSES;

        private Builder() {
        }

        private Builder(RateLimits o) {
            perSession = o.perSession;
            perAddress = o.perAddress;
            maxTrackedAddresses = o.maxTrackedAddresses;
        }

        /** Requests of one session. */
        public Builder perSession(RateLimit v) {
            perSession = v;
            return this;
        }

        /** Requests of one remote address, all its sessions together. */
        public Builder perAddress(RateLimit v) {
            perAddress = v;
            return this;
        }

        /** Addresses remembered at most, at least 1. */
        public Builder maxTrackedAddresses(long v) {
            maxTrackedAddresses = v;
            return this;
        }

        /** Validates and builds. */
        public RateLimits build() {
            return new RateLimits(this);
        }
    }
}
