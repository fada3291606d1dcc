package io.tether.codec.mdsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for one mdsf text (the full input grammar receivers accept). One
 * instance per parse; the nesting depth is capped so that hostile input fails with a syntax error
 * instead of a {@link StackOverflowError}, and the values created are counted against the element
 * budget so that a text of tiny values ({@code [{},{},…]}) cannot multiply into a heap many times
 * its size.
 */
final class MdsfParser {
    private final ParseCursor in;
    private final int maxDepth;
    private final int maxNumberLength;
    private int depth;
    private final int maxElements;
    private int elements;

    MdsfParser(String text, MdsfLimits limits) {
        this.in = new ParseCursor(text);
        this.maxDepth = limits.maxDepth();
        this.maxNumberLength = limits.maxNumberLength();
        this.maxElements = limits.maxElements();
    }

    /** Parses {@code ws object ws} and requires the end of input. */
    Map<String, Object> parseTopLevelObject() {
        in.skipWhitespace();
        if (in.peek() != '{') {
            throw in.error(in.atEnd() ? "empty input, expected an object" : "top level must be an object");
        }
        count();
        Map<String, Object> result = parseObject();
        requireEnd();
        return result;
    }

    /** Parses {@code value} and requires the end of input. */
    Object parseTopLevelValue() {
        Object result = parseValue();
        requireEnd();
        return result;
    }

    private void requireEnd() {
        in.skipWhitespace();
        if (!in.atEnd()) {
            throw in.error("unexpected trailing characters");
        }
    }

    private Object parseValue() {
        in.skipWhitespace();
        int c = in.peek();
        count();
        return switch (c) {
            case '{' -> parseObject();
            case '[' -> parseArray();
            case '\'', '"' -> StringLiteralParser.parse(in);
            case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> NumberLiteralParser.parse(in, maxNumberLength);
            case ParseCursor.EOF -> throw in.error("unexpected end of input, expected a value");
            default -> parseBareWord();
        };
    }

    private Object parseBareWord() {
        int start = in.pos;
        String word = IdentifierReader.read(in, false);
        if (word == null) {
            throw in.error("unexpected character");
        }
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "undefined" -> Undefined.INSTANCE;
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            default -> throw in.error("unknown bare word '" + word + "'", start);
        };
    }

    private Map<String, Object> parseObject() {
        enter();
        in.pos++;
        // sized for the common small object (a JSTP message has two members): the default
        // capacity of 16 allocates a table twice that size for every message
        Map<String, Object> map = new LinkedHashMap<>(4);
        in.skipWhitespace();
        while (in.peek() != '}') {
            String key = parseKey();
            in.skipWhitespace();
            in.expect(':', "':' after object key");
            Object value = parseValue();
            if (value != Undefined.INSTANCE) {
                map.put(key, value);
            }
            in.skipWhitespace();
            if (in.peek() == ',') {
                in.pos++;
                in.skipWhitespace();
            } else if (in.peek() != '}') {
                throw in.error(in.atEnd() ? "unterminated object" : "expected ',' or '}' in object");
            }
        }
        in.pos++;
        depth--;
        return map;
    }

    private String parseKey() {
        int c = in.peek();
        if (c == '\'' || c == '"') {
            return StringLiteralParser.parse(in);
        }
        if (c == ParseCursor.EOF) {
            throw in.error("unterminated object");
        }
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            throw in.error("numeric object keys are not allowed");
        }
        String key = IdentifierReader.read(in, true);
        if (key == null) {
            throw in.error(c == ',' ? "unexpected ',' in object" : "expected an object key");
        }
        return key;
    }

    private List<Object> parseArray() {
        enter();
        in.pos++;
        List<Object> list = new ArrayList<>(4); // mostly short (a JSTP header, an argument list)
        while (true) {
            in.skipWhitespace();
            int c = in.peek();
            if (c == ']') {
                break;
            }
            if (c == ',') {
                count();
                list.add(Undefined.INSTANCE);
                in.pos++;
                continue;
            }
            if (c == ParseCursor.EOF) {
                throw in.error("unterminated array");
            }
            list.add(parseValue());
            in.skipWhitespace();
            if (in.peek() == ',') {
                in.pos++;
            } else if (in.peek() != ']') {
                throw in.error(in.atEnd() ? "unterminated array" : "expected ',' or ']' in array");
            }
        }
        in.pos++;
        depth--;
        return list;
    }

    /** Spends one element of the budget on the value (or hole) about to be read. */
    private void count() {
        if (++elements > maxElements) {
            throw new MdsfLimitException("more than " + maxElements + " elements", in.pos);
        }
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw in.error("nesting deeper than " + maxDepth);
        }
    }
}
