package io.tether.core.cache;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Normalizes cache values to the plain JSON-like types every {@link CacheStore} returns, so
 * the in-memory and the Redis store load back the same types: {@code null}, String,
 * Boolean, Long (all integral numbers that fit; larger ones stay BigInteger), Double (all
 * other numbers), an unmodifiable List and an unmodifiable Map with String keys (insertion
 * order kept). Characters and enums become Strings, arrays and collections become Lists.
 * JavaScript's {@code undefined} (an enum named {@code Undefined}, as the mdsf codec uses) is
 * treated like {@code JSON.stringify} does: dropped from maps, {@code null} elsewhere.
 * Anything else is refused with an {@link IllegalArgumentException}.
 */
public final class CacheValues {
    private CacheValues() {
    }

    /** The normalized, immutable copy of a value. */
    public static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Number n -> number(n);
            case Character c -> c.toString();
            case Enum<?> e -> isUndefined(e) ? null : e.name();
            case Map<?, ?> m -> map(m);
            case Collection<?> c -> list(c);
            case Object[] a -> list(List.of(a));
            default -> throw new IllegalArgumentException("a cache value must be null, a String, a number, a Boolean,"
                    + " a List or a Map, not " + value.getClass().getName());
        };
    }

    private static Object number(Number n) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.longValue();
        }
        if (n instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        return n.doubleValue();
    }

    private static Map<String, Object> map(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            if (!(v instanceof Enum<?> e && isUndefined(e))) {
                copy.put(String.valueOf(k), normalize(v));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static boolean isUndefined(Enum<?> e) {
        return e.getDeclaringClass().getSimpleName().equals("Undefined");
    }

    private static List<Object> list(Collection<?> source) {
        List<Object> copy = new ArrayList<>(source.size());
        source.forEach(v -> copy.add(normalize(v)));
        return Collections.unmodifiableList(copy);
    }
}
