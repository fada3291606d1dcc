package io.tether.codec.mdsf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes values in the canonical mdsf form every sender emits: no whitespace, bare identifier
 * keys, single-quoted strings, JavaScript number layout, holes for {@link Mdsf#UNDEFINED}
 * array elements, omitted undefined object members, {@code null} for NaN and infinities.
 *
 * <p>Accepts {@code Map} (String keys only), {@code List}/{@code Collection},
 * {@code Object[]}, {@link CharSequence}, {@link Character}, {@link Boolean}, any
 * {@link Number}, {@code null} and {@link Mdsf#UNDEFINED}. Anything else, a non-String
 * key, or nesting deeper than the cap (e.g. a cycle) throws {@link TetherException} with
 * {@link ErrorCode#INTERNAL_ERROR}. Immutable and thread-safe.
 *
 * <pre>{@code
 * String text = MdsfWriter.defaults().write(Map.of("ok", List.of(42)));  // {ok:[42]}
 * }</pre>
 */
public final class MdsfWriter {
    private static final MdsfWriter DEFAULTS = new MdsfWriter(MdsfReader.DEFAULT_MAX_DEPTH);
    private static final BigInteger MAX_SAFE = BigInteger.ONE.shiftLeft(53);

    private final int maxDepth;

    private MdsfWriter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** A writer with a nesting cap of {@value MdsfReader#DEFAULT_MAX_DEPTH}. */
    public static MdsfWriter defaults() {
        return DEFAULTS;
    }

    /** A writer that refuses values nested deeper than {@code maxDepth}. */
    public static MdsfWriter withMaxDepth(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1: " + maxDepth);
        }
        return new MdsfWriter(maxDepth);
    }

    /** The canonical text of {@code value}. */
    public String write(Object value) {
        StringBuilder sb = new StringBuilder(64);
        writeValue(sb, value);
        return sb.toString();
    }

    /** Appends the canonical UTF-8 bytes of {@code value} to {@code out}. */
    public void write(Object value, ByteBuf out) {
        StringBuilder sb = new StringBuilder(64);
        writeValue(sb, value);
        ByteBufUtil.writeUtf8(out, sb);
    }

    /** Appends the canonical text of {@code value}; a top-level undefined is refused. */
    public void writeValue(StringBuilder sb, Object value) {
        if (value == Undefined.INSTANCE) {
            throw new TetherException(ErrorCode.INTERNAL_ERROR, "cannot write undefined as a value");
        }
        append(sb, value, 0);
    }

    /** Appends an object key: bare when it is an ASCII identifier, else single-quoted. */
    public void writeKey(StringBuilder sb, String key) {
        StringEscaper.appendKey(sb, key);
    }

    private void append(StringBuilder sb, Object value, int depth) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> StringEscaper.appendQuoted(sb, s);
            case Boolean b -> sb.append(b ? "true" : "false");
            case Long l -> appendLong(sb, l);
            case Integer i -> sb.append(i.intValue());
            case Double d -> appendDouble(sb, d);
            case Map<?, ?> m -> appendMap(sb, m, depth + 1);
            case List<?> l -> appendElements(sb, l, depth + 1);
            case Number n -> appendNumber(sb, n);
            case CharSequence cs -> StringEscaper.appendQuoted(sb, cs.toString());
            case Character c -> StringEscaper.appendQuoted(sb, c.toString());
            case Collection<?> c -> appendElements(sb, c, depth + 1);
            case Object[] a -> appendElements(sb, Arrays.asList(a), depth + 1);
            case Undefined u -> throw new TetherException(ErrorCode.INTERNAL_ERROR, "undefined is not a value here");
            default -> throw new TetherException(ErrorCode.INTERNAL_ERROR,
                    "mdsf cannot represent " + value.getClass().getName());
        }
    }

    private static void appendLong(StringBuilder sb, long v) {
        if (v >= -(1L << 53) && v <= (1L << 53)) {
            sb.append(v);
        } else {
            JsNumberFormat.append(sb, (double) v);
        }
    }

    private static void appendDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
        } else {
            JsNumberFormat.append(sb, d);
        }
    }

    private static void appendNumber(StringBuilder sb, Number n) {
        switch (n) {
            case Short s -> sb.append(s.intValue());
            case Byte b -> sb.append(b.intValue());
            case BigInteger b when b.abs().compareTo(MAX_SAFE) <= 0 -> sb.append(b);
            default -> appendDouble(sb, n.doubleValue());
        }
    }

    private void appendMap(StringBuilder sb, Map<?, ?> map, int depth) {
        checkDepth(depth);
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == Undefined.INSTANCE) {
                continue;
            }
            if (!(e.getKey() instanceof String key)) {
                throw new TetherException(ErrorCode.INTERNAL_ERROR, "mdsf object keys must be strings");
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            StringEscaper.appendKey(sb, key);
            sb.append(':');
            append(sb, v, depth);
        }
        sb.append('}');
    }

    private void appendElements(StringBuilder sb, Collection<?> elements, int depth) {
        checkDepth(depth);
        sb.append('[');
        boolean first = true;
        for (Object v : elements) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (v != Undefined.INSTANCE) {
                append(sb, v, depth);
            }
        }
        sb.append(']');
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new TetherException(ErrorCode.INTERNAL_ERROR,
                    "value nested deeper than " + maxDepth + " (cycle?)");
        }
    }
}
