package io.tether.codec.mdsf;

/**
 * Bounds on the work one mdsf text may cause the reader, so that a hostile message fails
 * with a syntax error instead of exhausting the stack, the heap or the CPU. Immutable; start
 * from {@link #defaults()} and change with {@link #toBuilder()}.
 *
 * <pre>{@code
 * MdsfLimits limits = MdsfLimits.defaults().toBuilder().maxElements(10_000).build();
 * MdsfReader reader = MdsfReader.of(limits);
 * }</pre>
 *
 * @param maxDepth        nesting depth of objects and arrays (default {@value #DEFAULT_MAX_DEPTH});
 *                        values far above a few thousand risk a stack overflow
 * @param maxElements     values one text may create: objects, arrays, strings, numbers, literals and
 *                        array holes, the outermost value included (default {@value #DEFAULT_MAX_ELEMENTS})
 * @param maxNumberLength characters of one number literal, sign, prefix and exponent included
 *                        (default {@value #DEFAULT_MAX_NUMBER_LENGTH})
 */
public record MdsfLimits(int maxDepth, int maxElements, int maxNumberLength) {
    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 512;
    /** Default maximum number of values in one text. */
    public static final int DEFAULT_MAX_ELEMENTS = 100_000;
    /** Default maximum length of one number literal in characters. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 1_000;

    private static final MdsfLimits DEFAULTS =
            new MdsfLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_NUMBER_LENGTH);

    /** Validates the values: each at least 1. */
    public MdsfLimits {
        if (maxDepth < 1 || maxElements < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("mdsf limits must be >= 1: depth " + maxDepth + ", elements "
                    + maxElements + ", number length " + maxNumberLength);
        }
    }

    /** Depth 512, 100,000 elements, number literals of at most 1,000 characters. */
    public static MdsfLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link MdsfLimits}. */
    public static final class Builder {
        private int maxDepth;
        private int maxElements;
        private int maxNumberLength;

        private Builder(MdsfLimits l) {
            maxDepth = l.maxDepth;
            maxElements = l.maxElements;
            maxNumberLength = l.maxNumberLength;
        }

        /** Nesting depth of objects and arrays. */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** Values one text may create. */
        public Builder maxElements(int v) {
            maxElements = v;
            return this;
        }

        /** Characters of one number literal. */
        public Builder maxNumberLength(int v) {
            maxNumberLength = v;
            return this;
        }

        /** Builds the limits. */
        public MdsfLimits build() {
            return new MdsfLimits(maxDepth, maxElements, maxNumberLength);
        }
    }
}
