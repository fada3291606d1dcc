package io.tether.codec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tether.codec.mdsf.Mdsf;
import io.tether.codec.mdsf.MdsfLimitException;
import io.tether.codec.mdsf.MdsfLimits;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfSyntaxException;
import io.tether.codec.mdsf.MdsfWriter;
import io.tether.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the mdsf reader ({@link MdsfReader#parseValue(String)} and
 * {@link MdsfReader#parseMessage(String)}) under fuzzer-chosen {@link MdsfLimits}, on text
 * decoded from UTF-8 bytes as the JSTP decoder does or on arbitrary UTF-16 (lone surrogates
 * included).
 *
 * <p>Invariants per input: the only exception is the documented {@link MdsfSyntaxException}
 * (a {@link MdsfLimitException} for the element and number-length limits), carrying
 * {@link ErrorCode#PROTOCOL_ERROR} and a position within the text; a parsed value only holds
 * the documented types, and the writer's canonical text of it reads back to the same value
 * (NaN and infinities become {@code null}, {@code -0} becomes {@code 0}, as documented by
 * {@link MdsfWriter}; trailing array holes are dropped: the writer writes {@code [1,U]} as
 * {@code [1,]} as the reference serializer does, pinned by {@code MdsfWriterTest}); and the text repeated to 1 MiB, as array elements and as plain
 * repetition, parses in time linear in its size ({@link LinearTime}).
 */
class MdsfFuzzTest {
    private static final MdsfWriter WRITER = MdsfWriter.withMaxDepth(4096);

    @FuzzTest
    void parse(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        boolean message = (flags & 1) != 0;
        boolean utf16 = (flags & 2) != 0;
        MdsfLimits limits = limits(in);
        byte[] payload = in.rest();
        String text = utf16 ? utf16(payload) : new String(payload, StandardCharsets.UTF_8);
        MdsfReader reader = MdsfReader.of(limits);
        Object value = parse(reader, message, text);
        if (value != NOT_PARSED && value != Mdsf.UNDEFINED) { // the writer refuses a top-level undefined (documented)
            checkTypes(value, 0);
            roundTrip(reader, value);
        }
        if (LinearTime.due(data) && !text.isEmpty()) {
            MdsfReader unbounded = MdsfReader.of(limits.toBuilder().maxElements(Integer.MAX_VALUE).build());
            String asArray = asArray(text);
            LinearTime.check("mdsf array of " + limits, asArray.length(), 1, () -> parse(unbounded, false, asArray));
            String repeated = repeat(text);
            LinearTime.check("mdsf repetition " + limits, repeated.length(), 1,
                    () -> parse(reader, message, repeated));
        }
    }

    /** Header: mdsf limits as three u16 (depth up to 2048, elements, number length; 0 = default). */
    static MdsfLimits limits(FuzzInput in) {
        int depth = in.u16();
        int elements = in.u16();
        int numberLength = in.u16();
        return MdsfLimits.builder()
                .maxDepth(depth == 0 ? MdsfLimits.DEFAULT_MAX_DEPTH : 1 + depth % 2048)
                .maxElements(elements == 0 ? MdsfLimits.DEFAULT_MAX_ELEMENTS : elements)
                .maxNumberLength(numberLength == 0 ? MdsfLimits.DEFAULT_MAX_NUMBER_LENGTH : numberLength)
                .build();
    }

    /** Big-endian UTF-16 code units, lone surrogates kept. */
    private static String utf16(byte[] b) {
        char[] chars = new char[b.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
        }
        return new String(chars);
    }

    private static final Object NOT_PARSED = new Object();

    private static Object parse(MdsfReader reader, boolean message, String text) {
        try {
            return message ? reader.parseMessage(text) : reader.parseValue(text);
        } catch (MdsfSyntaxException e) {
            if (e.code() != ErrorCode.PROTOCOL_ERROR || e.position() < 0 || e.position() > text.length()) {
                throw new InvariantViolation("MdsfSyntaxException with code " + e.code() + " at " + e.position()
                        + " of a text of " + text.length(), e);
            }
            return NOT_PARSED;
        } catch (Throwable e) {
            throw new InvariantViolation("undocumented exception from MdsfReader: " + e, e);
        }
    }

    /** Parsed values are LinkedHashMap, ArrayList, String, Long within ±2^53, Double, Boolean, null, UNDEFINED. */
    private static void checkTypes(Object v, int depth) {
        if (v == null || v == Mdsf.UNDEFINED || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return;
        }
        if (v instanceof Long l) {
            if (Math.abs(l) > (1L << 53)) {
                throw new InvariantViolation("Long outside ±2^53: " + l);
            }
            return;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String) || e.getValue() == Mdsf.UNDEFINED) {
                    throw new InvariantViolation("object member " + e.getKey() + " is not String-keyed or is undefined");
                }
                checkTypes(e.getValue(), depth + 1);
            }
            return;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                checkTypes(o, depth + 1);
            }
            return;
        }
        throw new InvariantViolation("parsed value of undocumented type " + v.getClass().getName());
    }

    private static void roundTrip(MdsfReader reader, Object value) {
        String text;
        try {
            text = WRITER.write(value);
        } catch (Throwable e) {
            throw new InvariantViolation("the writer refused a parsed value: " + e, e);
        }
        Object again;
        try {
            MdsfReader relaxed = MdsfReader.of(reader.limits().toBuilder().maxElements(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).build());
            again = value instanceof Map<?, ?> ? relaxed.parseMessage(text) : relaxed.parseValue(text);
        } catch (Throwable e) {
            throw new InvariantViolation("the writer's text of a parsed value does not parse: " + text, e);
        }
        Object expected = normalize(value);
        if (!expected.equals(normalize(again))) {
            throw new InvariantViolation("round trip changed the value: " + expected + " -> " + text + " -> "
                    + normalize(again));
        }
    }

    /** Numbers as Double (NaN/±Infinity as null, -0 as 0), to compare across the writer's canonical form. */
    private static Object normalize(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (Object) (d + 0.0) : NULL;
        }
        if (v == null) {
            return NULL;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalize(x)));
            while (!out.isEmpty() && out.get(out.size() - 1) == Mdsf.UNDEFINED) {
                out.remove(out.size() - 1); // the writer drops trailing holes, as the reference serializer does
            }
            return out;
        }
        return v;
    }

    private static final Object NULL = "<null>".toCharArray();

    private static String asArray(String text) {
        StringBuilder sb = new StringBuilder(LinearTime.SCALED_BYTES + text.length() + 2).append('[');
        while (sb.length() < LinearTime.SCALED_BYTES) {
            sb.append(text).append(',');
        }
        return sb.append(']').toString();
    }

    private static String repeat(String text) {
        return text.repeat((LinearTime.SCALED_BYTES + text.length() - 1) / text.length());
    }
}
