package io.tether.codec.mdsf;

import java.util.Map;
import java.util.Objects;

/**
 * Reads mdsf text (any JavaScript literal a receiver accepts) into plain Java values:
 * {@code LinkedHashMap<String,Object>} for objects (insertion ordered; a duplicate key keeps its
 * first position and takes the last value; members whose value is {@code undefined} are
 * dropped), {@code ArrayList} for arrays (holes are {@link Mdsf#UNDEFINED}), {@link String},
 * {@link Long} for integral numbers within ±2^53, {@link Double} otherwise, {@link Boolean},
 * {@code null} and {@link Mdsf#UNDEFINED}.
 *
 * <p>Immutable and thread-safe. Malformed input throws {@link MdsfSyntaxException}; input over
 * the reader's {@link MdsfLimits} (nesting depth, elements per text, number-literal length)
 * is refused before it costs more than linear work (a {@link MdsfLimitException} for the
 * element and number limits).
 *
 * <pre>{@code
 * MdsfReader reader = MdsfReader.defaults();
 * Map<String, Object> msg = reader.parseMessage("{call:[1,'calc'],add:[2,3]}");
 * }</pre>
 */
public final class MdsfReader {
    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = MdsfLimits.DEFAULT_MAX_DEPTH;

    private static final MdsfReader DEFAULTS = new MdsfReader(MdsfLimits.defaults());

    private final MdsfLimits limits;

    private MdsfReader(MdsfLimits limits) {
        this.limits = limits;
    }

    /** A reader with {@link MdsfLimits#defaults()}. */
    public static MdsfReader defaults() {
        return DEFAULTS;
    }

    /** A reader with the given limits. */
    public static MdsfReader of(MdsfLimits limits) {
        return new MdsfReader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * A reader with the default limits except that nesting deeper than {@code maxDepth} is a
     * syntax error.
     *
     * @param maxDepth at least 1; values far above a few thousand risk a stack overflow
     */
    public static MdsfReader withMaxDepth(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        return new MdsfReader(MdsfLimits.defaults().toBuilder().maxDepth(maxDepth).build());
    }

    /** The nesting cap of this reader. */
    public int maxDepth() {
        return limits.maxDepth();
    }

    /** The limits of this reader. */
    public MdsfLimits limits() {
        return limits;
    }

    /**
     * Parses a message: the text must be exactly one object, optionally surrounded by
     * whitespace and comments.
     *
     * @throws MdsfSyntaxException if the text is not a single well-formed object;
     *     {@link MdsfLimitException} if it is over the element or number-length limit
     */
    public Map<String, Object> parseMessage(String text) {
        Objects.requireNonNull(text, "text");
        return new MdsfParser(text, limits).parseTopLevelObject();
    }

    /**
     * Parses any single value (object, array, string, number, literal).
     *
     * @throws MdsfSyntaxException if the text is not a single well-formed value;
     *     {@link MdsfLimitException} if it is over the element or number-length limit
     */
    public Object parseValue(String text) {
        Objects.requireNonNull(text, "text");
        return new MdsfParser(text, limits).parseTopLevelValue();
    }
}
