package io.tether.server.socket;

import java.util.Objects;

/**
 * Bounds of one socket connection's sticky params, which live as long as the
 * connection: the size of one value, the size of all of them together, and the length of
 * the {@code messageId} (echoed in every reply). Sizes are estimated retained bytes: one per
 * character of a string (keys included) plus 16 per
 * param, list element or nested member, so a JSON value made of many tiny members weighs what
 * it costs. Over a bound, the request is answered with an error and nothing is stored.
 * Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * StickyParamLimits limits = StickyParamLimits.defaults().toBuilder().maxTotalBytes(1 << 20).build();
 * }</pre>
 */
public final class StickyParamLimits {
    /** Default size of one value: 64 KiB. */
    public static final int DEFAULT_MAX_VALUE_BYTES = 64 * 1024;
    /** Default size of all sticky params of a connection: 256 KiB. */
    public static final int DEFAULT_MAX_TOTAL_BYTES = 256 * 1024;
    /** Default messageId length: 256 characters (a UUID has 36). */
    public static final int DEFAULT_MAX_MESSAGE_ID_LENGTH = 256;

    private static final StickyParamLimits DEFAULTS = new Builder().build();

    private final int maxValueBytes;
    private final int maxTotalBytes;
    private final int maxMessageIdLength;

    private StickyParamLimits(Builder b) {
        if (b.maxValueBytes < 1 || b.maxTotalBytes < 1 || b.maxMessageIdLength < 1) {
            throw new IllegalArgumentException("sticky param limits must be > 0");
        }
        this.maxValueBytes = b.maxValueBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxMessageIdLength = b.maxMessageIdLength;
    }

    /** 64 KiB per value, 256 KiB in total, messageId up to 256 characters. */
    public static StickyParamLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Estimated bytes of one sticky value. */
    public int maxValueBytes() {
        return maxValueBytes;
    }

    /** Estimated bytes of all sticky params of one connection. */
    public int maxTotalBytes() {
        return maxTotalBytes;
    }

    /** Characters of a string messageId (the estimated size for any other JSON value). */
    public int maxMessageIdLength() {
        return maxMessageIdLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StickyParamLimits l && maxValueBytes == l.maxValueBytes
                && maxTotalBytes == l.maxTotalBytes && maxMessageIdLength == l.maxMessageIdLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxValueBytes, maxTotalBytes, maxMessageIdLength);
    }

    @Override
    public String toString() {
        return "StickyParamLimits[maxValueBytes=" + maxValueBytes + ", maxTotalBytes=" + maxTotalBytes
                + ", maxMessageIdLength=" + maxMessageIdLength + "]";
    }

    /** Builder for {@link StickyParamLimits}. */
    public static final class Builder {
        private int maxValueBytes = DEFAULT_MAX_VALUE_BYTES;
        private int maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;
        private int maxMessageIdLength = DEFAULT_MAX_MESSAGE_ID_LENGTH;

        private Builder() {
        }

        private Builder(StickyParamLimits l) {
            maxValueBytes = l.maxValueBytes;
            maxTotalBytes = l.maxTotalBytes;
            maxMessageIdLength = l.maxMessageIdLength;
        }

        /** Estimated bytes of one value. */
        public Builder maxValueBytes(int v) {
            maxValueBytes = v;
            return this;
        }

        /** Estimated bytes of all params of a connection. */
        public Builder maxTotalBytes(int v) {
            maxTotalBytes = v;
            return this;
        }

        /** Characters of a messageId. */
        public Builder maxMessageIdLength(int v) {
            maxMessageIdLength = v;
            return this;
        }

        /** Builds the limits. */
        public StickyParamLimits build() {
            return new StickyParamLimits(this);
        }
    }
}
