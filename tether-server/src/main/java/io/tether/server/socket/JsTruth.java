package io.tether.server.socket;

/** JavaScript truthiness of JSON-derived values, as the reference applies it to params. */
final class JsTruth {
    private JsTruth() {
    }

    /** False for null, false, 0, NaN and the empty string; true otherwise. */
    static boolean isTruthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }
}
