package io.tether.codec.mdsf;

import java.util.Map;
import java.util.Objects;

/**
 * Reads mdsf text (spec §3.3) into plain Java values: {@code LinkedHashMap<String,Object>}
 * for objects (insertion ordered; a duplicate key keeps its first position and takes the
 * last value; members whose value is {@code undefined} are dropped), {@code ArrayList} for
 * arrays (holes are {@link Mdsf#UNDEFINED}), {@link String}, {@link Long} for integral
 * numbers within ±2^53, {@link Double} otherwise, {@link Boolean}, {@code null} and
 * {@link Mdsf#UNDEFINED}.
 *
 * <p>Immutable and thread-safe. Malformed input throws {@link MdsfSyntaxException}.
 *
 * <pre>{@code
 * MdsfReader reader = MdsfReader.defaults();
 * Map<String, Object> msg = reader.parseMessage("{call:[1,'calc'],add:[2,3]}");
 * }</pre>
 */
public final class MdsfReader {
    /** Default maximum nesting depth of objects and arrays. */
    public static final int DEFAULT_MAX_DEPTH = 512;

    private static final MdsfReader DEFAULTS = new MdsfReader(DEFAULT_MAX_DEPTH);

    private final int maxDepth;

    private MdsfReader(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** A reader with the default nesting cap of {@value #DEFAULT_MAX_DEPTH}. */
    public static MdsfReader defaults() {
        return DEFAULTS;
    }

    /**
     * A reader that treats nesting deeper than {@code maxDepth} as a syntax error.
     *
     * @param maxDepth at least 1; values far above a few thousand risk a stack overflow
     */
    public static MdsfReader withMaxDepth(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        return new MdsfReader(maxDepth);
    }

    /** The nesting cap of this reader. */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Parses a message: the text must be exactly one object, optionally surrounded by
     * whitespace and comments.
     *
     * @throws MdsfSyntaxException if the text is not a single well-formed object
     */
    public Map<String, Object> parseMessage(String text) {
        Objects.requireNonNull(text, "text");
        return new MdsfParser(text, maxDepth).parseTopLevelObject();
    }

    /**
     * Parses any single value (object, array, string, number, literal).
     *
     * @throws MdsfSyntaxException if the text is not a single well-formed value
     */
    public Object parseValue(String text) {
        Objects.requireNonNull(text, "text");
        return new MdsfParser(text, maxDepth).parseTopLevelValue();
    }
}
