package io.tether.client.socket;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One reply line ({@code context:"response"}) of the socket protocol.
 *
 * @param body  the whole reply object as received
 * @param delta time between sending the request and receiving this reply
 */
public record SocketReply(JsonNode body, Duration delta) {

    /** The {@code error} text, or null when the reply is a success. */
    public String error() {
        JsonNode e = body.get("error");
        return e == null || e.isNull() ? null : e.asString();
    }

    /** Verb result ({@code data}), or null when the verb returned none. */
    public JsonNode data() {
        return body.get("data");
    }

    /** A top-level member (action results are top-level), or null. */
    public JsonNode get(String field) {
        return body.get(field);
    }

    /** The reply's messageId as text, or null. */
    public String messageId() {
        JsonNode id = body.get("messageId");
        return id == null ? null : id.asString();
    }
}
