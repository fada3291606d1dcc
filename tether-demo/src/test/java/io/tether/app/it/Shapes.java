package io.tether.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a reply with an expected JSON shape: same keys at every level, equal values,
 * except the placeholders {@code "<uuid>"}, {@code "<number>"} and {@code "<string>"}, which
 * match any value of that kind (ids and timestamps differ between runs).
 */
final class Shapes {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private Shapes() {
    }

    static void assertShape(Map<String, Object> actual, String expectedJson) {
        match("$", actual, LineClient.parse(expectedJson));
    }

    private static void match(String path, Object actual, Object expected) {
        if (expected instanceof String s && s.startsWith("<") && s.endsWith(">")) {
            placeholder(path, actual, s);
        } else if (expected instanceof Map<?, ?> exp) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<?, ?> act = (Map<?, ?>) actual;
            assertThat(Set.<Object>copyOf(act.keySet())).as(path + " keys").isEqualTo(Set.<Object>copyOf(exp.keySet()));
            exp.forEach((k, v) -> match(path + "." + k, act.get(k), v));
        } else if (expected instanceof List<?> exp) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> act = (List<?>) actual;
            assertThat(act).as(path + " size").hasSameSizeAs(exp);
            for (int i = 0; i < exp.size(); i++) {
                match(path + "[" + i + "]", act.get(i), exp.get(i));
            }
        } else if (expected instanceof Number n) {
            assertThat(actual).as(path).isInstanceOf(Number.class);
            assertThat(((Number) actual).doubleValue()).as(path).isEqualTo(n.doubleValue());
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    private static void placeholder(String path, Object actual, String kind) {
        switch (kind) {
            case "<uuid>" -> assertThat(actual).as(path).isInstanceOf(String.class)
                    .matches(v -> UUID.matcher((String) v).matches(), "a UUID");
            case "<number>" -> assertThat(actual).as(path).isInstanceOf(Number.class);
            case "<string>" -> assertThat(actual).as(path).isInstanceOf(String.class);
            default -> throw new IllegalArgumentException("unknown placeholder " + kind);
        }
    }
}
