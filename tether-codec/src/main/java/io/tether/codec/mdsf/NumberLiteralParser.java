package io.tether.codec.mdsf;

import java.math.BigInteger;

/**
 * Reads the number literals receivers accept: optional sign, decimal with optional fraction and
 * exponent ({@code .5}, {@code 5.}, {@code 1e-7}), {@code 0x}/{@code 0o}/{@code 0b}
 * (either case), {@code NaN} and {@code Infinity}. Integral values with magnitude up to
 * 2^53 become {@link Long}, everything else {@link Double}.
 *
 * <p>A literal longer than the reader's number-length limit is refused with a
 * {@link MdsfLimitException} after one linear scan and before any conversion; conversions
 * themselves stay linear even for long literals (radix literals wider than a double's range
 * are infinite without building a {@link BigInteger} of them).
 */
final class NumberLiteralParser {
    /** 2^53: the largest magnitude up to which every integer is an exact double. */
    static final long MAX_SAFE = 1L << 53;
    /** An integer whose highest set bit is at 2^1024 or above rounds to infinity as a double. */
    private static final int MAX_DOUBLE_BITS = 1024;

    private NumberLiteralParser() {
    }

    /**
     * Reads a number; the cursor is on a sign, a digit, a dot, {@code N} or {@code I}.
     *
     * @throws MdsfLimitException if the literal is longer than {@code maxLength} characters
     */
    static Object parse(ParseCursor in, int maxLength) {
        int start = in.pos;
        boolean negative = false;
        int c = in.peek();
        if (c == '+' || c == '-') {
            negative = c == '-';
            in.pos++;
            c = in.peek();
        }
        if (c == 'I' || c == 'N') {
            return parseSpecial(in, start, negative);
        }
        if (c == '0') {
            int radix = radixOf(in.peekAt(1));
            if (radix != 0) {
                in.pos += 2;
                return parseRadix(in, start, maxLength, radix, negative);
            }
        }
        return parseDecimal(in, start, maxLength, negative);
    }

    private static Object parseSpecial(ParseCursor in, int start, boolean negative) {
        if (in.text.startsWith("Infinity", in.pos)) {
            in.pos += "Infinity".length();
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (in.text.startsWith("NaN", in.pos)) {
            in.pos += "NaN".length();
            return Double.NaN;
        }
        throw in.error("invalid number", start);
    }

    private static int radixOf(int prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    private static Object parseRadix(ParseCursor in, int start, int maxLength, int radix, boolean negative) {
        int digitsStart = in.pos;
        while (!in.atEnd() && isDigitOf(in.text.charAt(in.pos), radix)) {
            in.pos++;
        }
        if (in.pos == digitsStart) {
            throw in.error("missing digits after radix prefix");
        }
        requireLength(in, start, maxLength);
        int first = digitsStart;
        while (first < in.pos - 1 && in.text.charAt(first) == '0') {
            first++; // leading zeros add no value and must not count towards the width
        }
        int count = in.pos - first;
        int bitsPerDigit = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        if ((long) count * bitsPerDigit <= 62) {
            long v = Long.parseLong(in.text, first, in.pos, radix);
            return box(negative ? -v : v);
        }
        if ((long) (count - 1) * bitsPerDigit >= MAX_DOUBLE_BITS) {
            // at least 2^1024: beyond every finite double, whatever the digits (no BigInteger of them)
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double d = new BigInteger(in.text.substring(first, in.pos), radix).doubleValue();
        return box(negative ? -d : d);
    }

    private static void requireLength(ParseCursor in, int start, int maxLength) {
        if (in.pos - start > maxLength) {
            throw new MdsfLimitException("number literal longer than " + maxLength + " characters", start);
        }
    }

    private static boolean isDigitOf(char c, int radix) {
        return switch (radix) {
            case 16 -> StringLiteralParser.hexValue(c) >= 0;
            case 8 -> c >= '0' && c <= '7';
            default -> c == '0' || c == '1';
        };
    }

    private static Object parseDecimal(ParseCursor in, int start, int maxLength, boolean negative) {
        int intStart = in.pos;
        int intDigits = skipDigits(in);
        if (intDigits > 1 && in.text.charAt(intStart) == '0') {
            throw in.error("legacy octal or leading-zero numbers are not allowed", intStart);
        }
        boolean integral = true;
        int fracDigits = 0;
        if (in.peek() == '.') {
            in.pos++;
            integral = false;
            fracDigits = skipDigits(in);
        }
        if (intDigits == 0 && fracDigits == 0) {
            throw in.error("invalid number", start);
        }
        int e = in.peek();
        if (e == 'e' || e == 'E') {
            integral = false;
            in.pos++;
            if (in.peek() == '+' || in.peek() == '-') {
                in.pos++;
            }
            if (skipDigits(in) == 0) {
                throw in.error("missing exponent digits");
            }
        }
        requireLength(in, start, maxLength);
        if (integral && intDigits <= 15) {
            long v = Long.parseLong(in.text, intStart, in.pos, 10);
            return box(negative ? -v : v);
        }
        return box(Double.parseDouble(in.text.substring(start, in.pos)));
    }

    private static int skipDigits(ParseCursor in) {
        int from = in.pos;
        while (!in.atEnd()) {
            char c = in.text.charAt(in.pos);
            if (c < '0' || c > '9') {
                break;
            }
            in.pos++;
        }
        return in.pos - from;
    }

    /** Boxes an integer: {@link Long} when within ±2^53, else the nearest {@link Double}. */
    static Object box(long v) {
        if (v >= -MAX_SAFE && v <= MAX_SAFE) {
            return Long.valueOf(v);
        }
        return Double.valueOf((double) v);
    }

    /**
     * Boxes a double: {@link Long} when integral within ±2^53 ({@code -0} becomes
     * {@code 0L}), else {@link Double}.
     */
    static Object box(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE) {
            return Long.valueOf((long) d);
        }
        return Double.valueOf(d);
    }
}
