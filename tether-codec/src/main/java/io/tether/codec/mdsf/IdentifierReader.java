package io.tether.codec.mdsf;

/**
 * Reads identifiers: bare object keys and bare words. Accepts ASCII letters, digits,
 * {@code _} and {@code $}, Unicode identifier characters and (in keys) {@code \\uXXXX}
 * escapes.
 */
final class IdentifierReader {
    private IdentifierReader() {
    }

    /**
     * Reads an identifier at the cursor, or returns {@code null} (cursor unchanged) when
     * none starts there.
     */
    static String read(ParseCursor in, boolean allowEscapes) {
        int start = in.pos;
        StringBuilder escaped = null;
        boolean first = true;
        while (!in.atEnd()) {
            int cp = in.text.codePointAt(in.pos);
            if (cp == '\\' && allowEscapes && in.peekAt(1) == 'u') {
                if (escaped == null) {
                    escaped = new StringBuilder().append(in.text, start, in.pos);
                }
                in.pos++;
                StringLiteralParser.readEscape(in, escaped, start);
            } else if (first ? isStart(cp) : isPart(cp)) {
                if (escaped != null) {
                    escaped.appendCodePoint(cp);
                }
                in.pos += Character.charCount(cp);
            } else {
                break;
            }
            first = false;
        }
        if (in.pos == start) {
            return null;
        }
        return escaped != null ? escaped.toString() : in.text.substring(start, in.pos);
    }

    static boolean isStart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || cp == '$';
        }
        return Character.isUnicodeIdentifierStart(cp);
    }

    static boolean isPart(int cp) {
        if (cp < 0x80) {
            return isStart(cp) || (cp >= '0' && cp <= '9');
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }
}
