package io.tether.codec.mdsf;

import java.util.Objects;

/**
 * Bounds on the work one mdsf text may cause the reader, so that a hostile message fails
 * with a syntax error instead of exhausting the stack, the heap or the CPU. Immutable; start
 * from {@link #defaults()} and change with {@link #toBuilder()}.
 *
 * <pre>{@code
 * MdsfLimits limits = MdsfLimits.defaults().toBuilder().maxElements(10_000).build();
 * MdsfReader reader = MdsfReader.of(limits);
 * }</pre>
 */
public final class MdsfLimits {
    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 512;
    /** Default maximum number of values in one text. */
    public static final int DEFAULT_MAX_ELEMENTS = 100_000;
    /** Default maximum length of one number literal in characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1_000;

    private static final MdsfLimits DEFAULTS = new Builder().build();

    private final int maxDepth;
    private final int maxElements;
    private final int maxNumberLength;

    private MdsfLimits(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxElements = b.maxElements;
        this.maxNumberLength = b.maxNumberLength;
        if (maxDepth < 1 || maxElements < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("mdsf limits must be >= 1: depth " + maxDepth + ", elements "
                    + maxElements + ", number length " + maxNumberLength);
        }
    }

    /** Depth 512, 100,000 elements, number literals of at most 1,000 characters. */
    public static MdsfLimits defaults() {
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

    /**
     * Nesting depth of objects and arrays (default {@value #DEFAULT_MAX_DEPTH}); values far above a few
     * thousand risk a stack overflow.
     */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Values one text may create: objects, arrays, strings, numbers, literals and array holes, the
     * outermost value included (default {@value #DEFAULT_MAX_ELEMENTS}).
     */
    public int maxElements() {
        return maxElements;
    }

    /**
     * Characters of one number literal, sign, prefix and exponent included (default {@value
     * #DEFAULT_MAX_NUMBER_LENGTH}).
     */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdsfLimits x
                && maxDepth == x.maxDepth
                && maxElements == x.maxElements
                && maxNumberLength == x.maxNumberLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxDepth, maxElements, maxNumberLength);
    }

    @Override
    public String toString() {
        return "MdsfLimits["
                + "maxDepth=" + maxDepth
                + ", maxElements=" + maxElements
                + ", maxNumberLength=" + maxNumberLength + "]";
    }

    /** Builder of {@link MdsfLimits}; every value starts at its default. */
    public static final class Builder {
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxElements = DEFAULT_MAX_ELEMENTS;
        private int maxNumberLength = DEFAULT_MAX_NUMBER_LENGTH;

        private Builder() {
        }

        private Builder(MdsfLimits o) {
            maxDepth = o.maxDepth;
            maxElements = o.maxElements;
            maxNumberLength = o.maxNumberLength;
        }

        /** Nesting depth of objects and arrays (default {@value #DEFAULT_MAX_DEPTH}). */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Values one text may create (default {@value #DEFAULT_MAX_ELEMENTS}). */
        public Builder maxElements(int v) {
            maxElements = v;
            return this;
        }

        /** Characters of one number literal (default {@value #DEFAULT_MAX_NUMBER_LENGTH}). */
        public Builder maxNumberLength(int v) {
            maxNumberLength = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public MdsfLimits build() {
            return new MdsfLimits(this);
        }
    }
}
