package io.tether.codec.mdsf;

/**
 * Reads single- or double-quoted string literals with all JavaScript escapes (single-character,
 * hex, Unicode in both forms, line continuations).
 * Stateless; works on a {@link ParseCursor}.
 */
final class StringLiteralParser {
    private StringLiteralParser() {
    }

    /** Reads a string literal; the cursor must be on the opening quote. */
    static String parse(ParseCursor in) {
        int start = in.pos;
        char quote = in.text.charAt(in.pos++);
        int runStart = in.pos;
        StringBuilder sb = null;
        while (true) {
            if (in.pos >= in.length) {
                throw in.error("unterminated string", start);
            }
            char c = in.text.charAt(in.pos);
            if (c == quote) {
                String result = sb == null
                        ? in.text.substring(runStart, in.pos)
                        : sb.append(in.text, runStart, in.pos).toString();
                in.pos++;
                return result;
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder(Math.max(16, (in.pos - runStart) * 2));
                }
                sb.append(in.text, runStart, in.pos);
                in.pos++;
                readEscape(in, sb, start);
                runStart = in.pos;
            } else {
                in.pos++;
            }
        }
    }

    /** Reads the escape after a backslash (cursor on the escape letter) into {@code sb}. */
    static void readEscape(ParseCursor in, StringBuilder sb, int stringStart) {
        if (in.pos >= in.length) {
            throw in.error("unterminated string", stringStart);
        }
        char c = in.text.charAt(in.pos++);
        switch (c) {
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'v' -> sb.append('\u000B');
            case 'x' -> sb.append((char) readHex(in, 2));
            case 'u' -> readUnicodeEscape(in, sb);
            case '0' -> {
                int next = in.peek();
                if (next >= '0' && next <= '9') {
                    throw in.error("octal escape sequences are not allowed", in.pos - 2);
                }
                sb.append('\0');
            }
            default -> sb.append(c);
        }
    }

    private static void readUnicodeEscape(ParseCursor in, StringBuilder sb) {
        if (in.peek() != '{') {
            sb.append((char) readHex(in, 4));
            return;
        }
        int open = in.pos++;
        int cp = 0;
        int digits = 0;
        while (in.peek() != '}') {
            int d = hexValue(in.peek());
            if (d < 0) {
                throw in.error("invalid \\u{...} escape", open);
            }
            cp = cp * 16 + d;
            digits++;
            if (digits > 6 || cp > Character.MAX_CODE_POINT) {
                throw in.error("code point out of range in \\u{...} escape", open);
            }
            in.pos++;
        }
        if (digits == 0) {
            throw in.error("empty \\u{} escape", open);
        }
        in.pos++;
        sb.appendCodePoint(cp);
    }

    private static int readHex(ParseCursor in, int count) {
        int start = in.pos;
        int value = 0;
        for (int i = 0; i < count; i++) {
            int d = hexValue(in.peek());
            if (d < 0) {
                throw in.error("invalid hexadecimal escape", start - 2);
            }
            value = value * 16 + d;
            in.pos++;
        }
        return value;
    }

    /** The value of an ASCII hexadecimal digit, or -1. */
    static int hexValue(int ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return -1;
    }
}
