package io.tether.interop.mdsf;

import io.tether.codec.mdsf.Mdsf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep comparison of an original Java value with what came back through JavaScript:
 * numbers by double value (NaN and infinities come back as {@code null}), undefined
 * object members absent, holes as {@link Mdsf#UNDEFINED}, key order significant.
 */
final class MdsfValues {
    private MdsfValues() {
    }

    /** A description of the first difference, or {@code null} when equivalent. */
    static String diff(Object expected, Object actual, String path) {
        if (expected instanceof Number e) {
            double d = e.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return actual == null ? null : path + ": expected null for " + d + ", got " + actual;
            }
            return actual instanceof Number a && a.doubleValue() == d ? null : path + ": " + d + " != " + actual;
        }
        if (expected instanceof Map<?, ?> e) {
            return actual instanceof Map<?, ?> a ? diffMaps(e, a, path) : path + ": not an object: " + actual;
        }
        if (expected instanceof List<?> e) {
            if (!(actual instanceof List<?> a) || a.size() != e.size()) {
                return path + ": array shape differs: " + actual;
            }
            for (int i = 0; i < e.size(); i++) {
                String d = diff(e.get(i), a.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return Objects.equals(expected, actual) ? null : path + ": " + expected + " != " + actual;
    }

    private static String diffMaps(Map<?, ?> expected, Map<?, ?> actual, String path) {
        List<Object> keys = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (v != Mdsf.UNDEFINED) {
                keys.add(k);
            }
        });
        if (!keys.equals(new ArrayList<>(actual.keySet()))) {
            return path + ": keys " + keys + " != " + actual.keySet();
        }
        Iterator<Object> it = keys.iterator();
        while (it.hasNext()) {
            Object k = it.next();
            String d = diff(expected.get(k), actual.get(k), path + "." + k);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
