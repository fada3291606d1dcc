package io.tether.codec.mdsf;

import java.util.Map;

/**
 * Entry point for mdsf with default settings: {@link #parseMessage(String)},
 * {@link #parseValue(String)} and {@link #stringify(Object)}.
 *
 * <pre>{@code
 * Object v = Mdsf.parseValue("[1,,'x']");      // [1L, Mdsf.UNDEFINED, "x"]
 * String s = Mdsf.stringify(v);                // "[1,,'x']"
 * }</pre>
 */
public final class Mdsf {
    /** The {@code undefined} value (array holes); distinct from {@code null}. */
    public static final Undefined UNDEFINED = Undefined.INSTANCE;

    private Mdsf() {
    }

    /** Parses one object with {@link MdsfReader#defaults()}. */
    public static Map<String, Object> parseMessage(String text) {
        return MdsfReader.defaults().parseMessage(text);
    }

    /** Parses one value with {@link MdsfReader#defaults()}. */
    public static Object parseValue(String text) {
        return MdsfReader.defaults().parseValue(text);
    }

    /** Writes the canonical form of a value with {@link MdsfWriter#defaults()} (see {@link MdsfWriter}). */
    public static String stringify(Object value) {
        return MdsfWriter.defaults().write(value);
    }
}
