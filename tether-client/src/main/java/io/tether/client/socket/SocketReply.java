package io.tether.client.socket;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One reply line ({@code context:"response"}) of the socket protocol, as plain Java values:
 * a JSON object is a {@code Map<String, Object>} (in the order received), an array a
 * {@code List<Object>}, a string a {@code String}, a number an {@code Integer}, {@code Long},
 * {@code BigInteger}, {@code Double} or {@code BigDecimal}, a boolean a {@code Boolean} and
 * {@code null} {@code null}. The maps and lists cannot be modified.
 *
 * <pre>{@code
 * SocketReply r = client.action("cacheTest").join();
 * Object value = r.at("cacheTestResults", "loadResp", "value");
 * }</pre>
 *
 * @param body  the whole reply object as received
 * @param delta time between sending the request and receiving this reply
 */
public record SocketReply(Map<String, Object> body, Duration delta) {

    /** Checks that both components are present. */
    public SocketReply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delta, "delta");
    }

    /** The {@code error} text, or null when the reply is a success. */
    public String error() {
        return text(body.get("error"));
    }

    /** Verb result ({@code data}), or null when the verb returned none. */
    public Object data() {
        return body.get("data");
    }

    /** A top-level member (action results are top-level), or null. */
    public Object get(String field) {
        return body.get(field);
    }

    /**
     * The member at a path of object keys, e.g. {@code at("cacheTestResults", "loadResp", "key")};
     * null when a key is missing or a step is not an object.
     */
    public Object at(String... path) {
        Object v = body;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    /** The reply's messageId as text, or null. */
    public String messageId() {
        return text(body.get("messageId"));
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }
}
