package io.tether.codec.mdsf;

import java.math.BigDecimal;

/**
 * Formats doubles exactly like JavaScript's {@code Number.prototype.toString()} (the number
 * layout of canonical mdsf): shortest round-trip digits laid out as {@code 42}, {@code 3.14},
 * {@code 0.000001}, {@code 1e+21}, {@code -2.5e-7}. Relies on the shortest-digit
 * {@link Double#toString(double)} of JDK 19+ (JDK-4511638) and only re-lays its output.
 */
public final class JsNumberFormat {
    private static final double MAX_SAFE = 9007199254740992.0;

    private JsNumberFormat() {
    }

    /** The JavaScript text of {@code d}; {@code NaN} and infinities as JavaScript names them. */
    public static String format(double d) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, d);
        return sb.toString();
    }

    /** Appends the JavaScript text of {@code d} ({@code -0} is written {@code 0}). */
    public static void append(StringBuilder sb, double d) {
        if (d == 0) {
            sb.append('0');
            return;
        }
        if (d != d) {
            sb.append("NaN");
            return;
        }
        if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "Infinity" : "-Infinity");
            return;
        }
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE) {
            sb.append((long) d);
            return;
        }
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        layout(sb, Double.toString(d), d);
    }

    /** Re-lays Java's {@code ddd.ddd} or {@code d.dddE±n} form in the JavaScript layout. */
    private static void layout(StringBuilder sb, String java, double value) {
        int ePos = java.indexOf('E');
        String mantissa = ePos < 0 ? java : java.substring(0, ePos);
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String frac = mantissa.substring(dot + 1);
        StringBuilder digits = new StringBuilder(20).append(intPart).append(frac);
        int n = ePos < 0 ? intPart.length() : Integer.parseInt(java, ePos + 1, java.length(), 10) + 1;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        n -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        if (digits.length() == 2) {
            n = shortenToOneDigit(digits, n, value);
        }
        place(sb, digits, n);
    }

    /**
     * Java picks the closest two-digit decimal when one digit would do (e.g. {@code 4.9E-324});
     * JavaScript wants the shortest, so try the one-digit neighbours and keep one that
     * round-trips (the closer one if both do).
     */
    private static int shortenToOneDigit(StringBuilder digits, int n, double value) {
        int first = digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = null;
        int bestN = n;
        for (int candidate = first; candidate <= first + 1; candidate++) {
            int cn = candidate == 10 ? n + 1 : n;
            BigDecimal dec = BigDecimal.valueOf(candidate == 10 ? 1 : candidate, 1 - cn);
            if (dec.doubleValue() != value) {
                continue;
            }
            if (best == null || dec.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                best = dec;
                bestN = cn;
            }
        }
        if (best != null) {
            digits.setLength(0);
            digits.append(best.unscaledValue());
        }
        return bestN;
    }

    /** Writes value = 0.d1…dk × 10^n per ECMA-262 Number::toString. */
    private static void place(StringBuilder sb, CharSequence digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            sb.append(digits);
            sb.repeat('0', n - k);
        } else if (0 < n && n <= 21) {
            sb.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            sb.repeat('0', -n);
            sb.append(digits);
        } else {
            sb.append(digits.charAt(0));
            if (k > 1) {
                sb.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
    }
}
