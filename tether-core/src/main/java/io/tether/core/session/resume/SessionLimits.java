package io.tether.core.session.resume;

import java.util.Objects;

/**
 * Bounds of one session's resend buffer (originated messages not yet acknowledged plus
 * callbacks held while detached). A session that would exceed either bound is dropped and
 * its transport closed rather than growing without limit. Immutable; start from
 * {@link #defaults()} or {@link #builder()} and change with {@link #toBuilder()}.
 */
public final class SessionLimits {
    /** Default buffered messages per session: 1,000. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000;
    /** Default buffered characters per session: 1 MiB. */
    public static final long DEFAULT_MAX_BYTES = 1024L * 1024;

    private static final SessionLimits DEFAULTS = new Builder().build();

    private final int maxEntries;
    private final long maxBytes;

    private SessionLimits(Builder b) {
        this.maxEntries = b.maxEntries;
        this.maxBytes = b.maxBytes;
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }

    /**
     * 1,000 messages, 1 MiB: a client that is further behind than that will not catch up; the node-wide {@link
     * SessionBudget} (64 MiB by default) then holds 64 such sessions at most.
     */
    public static SessionLimits defaults() {
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

    /** Total buffered messages of one session, at least 1 (default 1,000). */
    public int maxEntries() {
        return maxEntries;
    }

    /**
     * Total characters of buffered message text of one session (about bytes for ASCII), at least 1
     * (default 1 MiB).
     */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionLimits x
                && maxEntries == x.maxEntries
                && maxBytes == x.maxBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxEntries, maxBytes);
    }

    @Override
    public String toString() {
        return "SessionLimits["
                + "maxEntries=" + maxEntries
                + ", maxBytes=" + maxBytes + "]";
    }

    /** Builder of {@link SessionLimits}; every value starts at its default. */
    public static final class Builder {
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private long maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        private Builder(SessionLimits o) {
            maxEntries = o.maxEntries;
            maxBytes = o.maxBytes;
        }

        /** Total buffered messages of one session, at least 1 (default 1,000). */
        public Builder maxEntries(int v) {
            maxEntries = v;
            return this;
        }

        /**
         * Total characters of buffered message text of one session (about bytes for ASCII), at least 1
         * (default 1 MiB).
         */
        public Builder maxBytes(long v) {
            maxBytes = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public SessionLimits build() {
            return new SessionLimits(this);
        }
    }
}
