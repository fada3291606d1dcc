package io.tether.api;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Value coercions with JavaScript-like semantics, shared by formatters and protocols. */
public final class Values {
    private Values() {
    }

    /** The string form of a value: arrays join with commas, integral doubles drop ".0". */
    public static String asString(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e21) {
            return Long.toString(d.longValue());
        }
        if (value instanceof Collection<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Iterator<?> it = list.iterator(); it.hasNext(); ) {
                Object e = it.next();
                sb.append(e == null ? "" : asString(e));
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            return sb.toString();
        }
        if (value instanceof Map<?, ?>) {
            return "[object Object]";
        }
        return String.valueOf(value);
    }

    /** Parses like JavaScript's {@code parseInt(String(v), 10)}; null when it yields NaN. */
    public static Long parseIntegerOrNull(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? (long) d : null;
        }
        String s = asString(value).strip();
        int i = 0;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
        }
        if (i == start) {
            return null;
        }
        try {
            return Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException tooBig) {
            return null;
        }
    }

    /** Whether a required input counts as missing: null, or the empty string. */
    public static boolean isMissing(Object value) {
        return value == null || (value instanceof String s && s.isEmpty());
    }
}
