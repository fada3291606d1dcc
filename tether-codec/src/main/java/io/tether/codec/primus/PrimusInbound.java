package io.tether.codec.primus;

import java.util.Map;

/**
 * One text frame a Primus client sent (the {@code websockets} transformer with the JSON
 * parser: one JSON value per frame), decoded by {@link PrimusCodec#decode}.
 */
public sealed interface PrimusInbound {

    /** {@code "primus::pong::<timestamp>"}: the answer to the server's heartbeat. */
    record Pong(String timestamp) implements PrimusInbound {
    }

    /** {@code "primus::id::"}: the client asks for its spark id. */
    record IdRequest() implements PrimusInbound {
    }

    /**
     * An ActionHero message: {@code {event, messageId, …}}.
     *
     * @param event     the {@code event} field as text, or null when missing or not a string
     * @param messageId the {@code messageId} field (any JSON value), or null when missing
     * @param data      the other fields, in order (mutable, owned by the receiver)
     */
    record Request(String event, Object messageId, Map<String, Object> data) implements PrimusInbound {
    }

    /**
     * A frame that is not JSON, or JSON that is not an object (nor a {@code primus::} string).
     *
     * @param reason what is wrong, for the client's error reply
     */
    record Malformed(String reason) implements PrimusInbound {
    }
}
