package io.tether.codec.mdsf;

/**
 * Writes canonical single-quoted mdsf strings and object keys: the escaping
 * of {@code JSON.stringify} plus {@code \'}, lower-case <code>&#92;u00xx</code> for other control
 * characters, lone surrogates as <code>&#92;udxxx</code>, and U+2028/U+2029 escaped.
 */
final class StringEscaper {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StringEscaper() {
    }

    /** Appends {@code key} bare when it matches {@code ^[A-Za-z_$][A-Za-z0-9_$]*$}, else quoted. */
    static void appendKey(StringBuilder sb, String key) {
        if (isBareKey(key)) {
            sb.append(key);
        } else {
            appendQuoted(sb, key);
        }
    }

    static boolean isBareKey(String key) {
        int len = key.length();
        if (len == 0) {
            return false;
        }
        char first = key.charAt(0);
        if (!IdentifierReader.isStart(first) || first >= 0x80) {
            return false;
        }
        for (int i = 1; i < len; i++) {
            char c = key.charAt(i);
            if (c >= 0x80 || !IdentifierReader.isPart(c)) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code s} as a canonical single-quoted string literal. */
    static void appendQuoted(StringBuilder sb, String s) {
        sb.append('\'');
        int len = s.length();
        int run = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c != '\'' && c != '"' && c != '\\' && (c < '\u2028' || c > '\uDFFF')) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (c > '\u2029' && c < '\uD800') {
                continue;
            }
            sb.append(s, run, i);
            appendEscape(sb, c);
            run = i + 1;
        }
        sb.append(s, run, len).append('\'');
    }

    private static void appendEscape(StringBuilder sb, char c) {
        switch (c) {
            case '\'' -> sb.append("\\'");
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append("\\u")
                    .append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                    .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
    }
}
