package io.tether.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values that move between nodes as JSON: strings, numbers, booleans, null, lists and
 * string-keyed maps of those. Other objects (a protocol's own values such as JSTP's
 * {@code undefined}, application objects) cannot move between nodes.
 */
final class PlainValues {
    private PlainValues() {
    }

    /** Whether a value is plain (recursively). */
    static boolean plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte || v instanceof Double || v instanceof Float) {
            return true;
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(PlainValues::plain);
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && plain(e.getValue()));
        }
        return false;
    }

    /** A plain copy of {@code v}: values that are not plain become null, keys that are not strings are left out. */
    static Object copy(Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(copy(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                if (k instanceof String key) {
                    out.put(key, copy(x));
                }
            });
            return out;
        }
        return plain(v) ? v : null;
    }
}
