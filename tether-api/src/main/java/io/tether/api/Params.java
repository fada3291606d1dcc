package io.tether.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The formatted, validated inputs an action receives: only declared inputs, defaults
 * applied. Immutable. Values are plain Java: String, Long/Double, Boolean, List, Map, null.
 */
public final class Params {
    private static final Params EMPTY = new Params(Map.of());
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    /** Params backed by a copy of the given map (insertion order kept; null values allowed). */
    public static Params of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Params(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** No params. */
    public static Params empty() {
        return EMPTY;
    }

    /** The raw value, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    /** Whether the param is present (even with a null value). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value's string form, or null when absent or null. */
    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : Values.asString(v);
    }

    /** The value as a long, or null when absent or not a number. */
    public Long integer(String name) {
        Object v = values.get(name);
        return v == null ? null : Values.parseIntegerOrNull(v);
    }

    /** The names present. */
    public Set<String> names() {
        return values.keySet();
    }

    /** An unmodifiable view of all values. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
