package io.tether.codec.mdsf;

/**
 * Position in the mdsf text being read, with whitespace and comment skipping. One
 * instance per parse; not thread-safe.
 */
final class ParseCursor {
    /** Returned by {@link #peek()} at the end of the input. */
    static final int EOF = -1;

    final String text;
    final int length;
    int pos;

    ParseCursor(String text) {
        this.text = text;
        this.length = text.length();
    }

    int peek() {
        return pos < length ? text.charAt(pos) : EOF;
    }

    int peekAt(int offset) {
        int i = pos + offset;
        return i < length ? text.charAt(i) : EOF;
    }

    boolean atEnd() {
        return pos >= length;
    }

    char next() {
        if (pos >= length) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    void expect(char c, String what) {
        if (peek() != c) {
            throw error(atEnd() ? "unexpected end of input, expected " + what : "expected " + what);
        }
        pos++;
    }

    MdsfSyntaxException error(String reason) {
        return new MdsfSyntaxException(reason, pos);
    }

    MdsfSyntaxException error(String reason, int at) {
        return new MdsfSyntaxException(reason, at);
    }

    /** Skips whitespace ({@link #isWhitespace}) and comments. */
    void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (isWhitespace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '/') {
                skipLineComment();
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipLineComment() {
        pos += 2;
        while (pos < length && !isLineTerminator(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipBlockComment() {
        int start = pos;
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
            throw error("unterminated comment", start);
        }
        pos = end + 2;
    }

    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The whitespace of JavaScript: ASCII spaces, line terminators, and the Unicode spaces
     * receivers should accept.
     */
    static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
        }
        if (c < '\u00A0') {
            return false;
        }
        return c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF';
    }
}
