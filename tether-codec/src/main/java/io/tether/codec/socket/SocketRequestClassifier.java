package io.tether.codec.socket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies one decoded, non-empty line, in this order: {@code file} verb, other verbs
 * (case-sensitive, words split on single spaces), any JSON text but {@code null} as a JSON
 * request, else an inline action named by the first word. Stateless and thread-safe.
 *
 * <p>JSON is parsed under a token budget (Jackson's {@link StreamReadConstraints#getMaxTokenCount()}:
 * every bracket, name and value is a token) so that a line of tiny values such as
 * {@code [{},{},…]} cannot build thirty times its size in objects; Jackson's own defaults
 * bound nesting (500), number length (1,000) and string length but not the token count. A
 * line over any of these constraints is not interpreted: it is classified as
 * {@link SocketRequest.TooLong}, answered as a line over {@code maxDataLength} would be.
 */
public final class SocketRequestClassifier {
    /** Default token budget of one JSON line: 200,000 tokens, about 100,000 values. */
    public static final int DEFAULT_MAX_JSON_TOKENS = 200_000;

    private final JsonMapper json;

    /** A classifier with the default JSON token budget. */
    public SocketRequestClassifier() {
        this(DEFAULT_MAX_JSON_TOKENS);
    }

    /**
     * A classifier whose JSON lines may hold at most {@code maxJsonTokens} tokens.
     *
     * @param maxJsonTokens at least 1
     */
    public SocketRequestClassifier(int maxJsonTokens) {
        if (maxJsonTokens < 1) {
            throw new IllegalArgumentException("maxJsonTokens must be >= 1: " + maxJsonTokens);
        }
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(maxJsonTokens).build())
                .build();
        json = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Classifies a line (without its terminator); a JSON line over the parser's constraints is {@link SocketRequest.TooLong}. */
    public SocketRequest classify(String line) {
        List<String> words = splitOnSpaces(line);
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        if (first.equals("file")) {
            return new SocketRequest.FileRequest(rest.isEmpty() ? null : rest.get(0));
        }
        SocketVerb verb = SocketVerb.fromWireName(first);
        if (verb != null) {
            return new SocketRequest.Verb(verb, rest);
        }
        SocketRequest jsonRequest = parseJson(line);
        return jsonRequest != null ? jsonRequest : new SocketRequest.InlineAction(first);
    }

    /** Splits on each single space; consecutive, leading and trailing spaces give empty words. */
    static List<String> splitOnSpaces(String line) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', start)) {
            words.add(line.substring(start, i));
            start = i + 1;
        }
        words.add(line.substring(start));
        return words;
    }

    private SocketRequest parseJson(String line) {
        if (!mayBeJson(line)) {
            return null;
        }
        Object value;
        try {
            value = json.readValue(line, Object.class);
        } catch (StreamConstraintsException e) {
            return new SocketRequest.TooLong(line.getBytes(StandardCharsets.UTF_8).length);
        } catch (JacksonException e) {
            return null;
        }
        if (value == null) {
            return null; // the line "null" is an inline action named null, as in the reference
        }
        if (!(value instanceof Map<?, ?> object)) {
            return new SocketRequest.JsonRequest(false, null, false, Map.of());
        }
        Object params = object.get("params");
        return new SocketRequest.JsonRequest(object.containsKey("action"), object.get("action"),
                object.containsKey("params"), params instanceof Map<?, ?> m ? stringKeys(m) : Map.of());
    }

    /** Cheap pre-check: JSON text starts (after whitespace) with one of these characters. */
    private static boolean mayBeJson(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c == '{' || c == '[' || c == '"' || c == '-' || c == 't' || c == 'f' || c == 'n'
                        || (c >= '0' && c <= '9');
            }
        }
        return false;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
