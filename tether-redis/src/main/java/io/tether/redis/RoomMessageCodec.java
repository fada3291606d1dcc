package io.tether.redis;

import io.tether.api.RoomMessage;
import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pub/sub payload of a room message: JSON {@code {"room","from","message","sentAt"}}, in
 * that order. Written and read with Jackson's streaming API (no tree per message: every node
 * decodes every message of its rooms on its one pub/sub thread).
 */
final class RoomMessageCodec {
    private final JsonMapper mapper;

    RoomMessageCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String encode(RoomMessage m) {
        StringWriter out = new StringWriter(64 + m.message().length());
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("room", m.room());
            g.writeStringProperty("from", m.from());
            g.writeStringProperty("message", m.message());
            g.writeNumberProperty("sentAt", m.sentAt());
            g.writeEndObject();
        }
        return out.toString();
    }

    /**
     * Decodes a payload; null when it is not a room message (foreign publisher, garbage): not
     * one JSON object, or {@code room} or {@code message} not a string, {@code from} not a
     * string, number or boolean, {@code sentAt} not a number. Other properties are ignored; of a
     * repeated one the last counts.
     */
    RoomMessage decode(String payload) {
        try (JsonParser p = mapper.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String room = null;
            String from = null;
            String message = null;
            Long sentAt = null;
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken value = p.nextToken();
                switch (name) {
                    case "room" -> room = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "message" -> message = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "from" -> from = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getString() : null;
                    case "sentAt" -> sentAt = value == JsonToken.VALUE_NUMBER_INT ? Long.valueOf(p.getLongValue())
                            : value == JsonToken.VALUE_NUMBER_FLOAT ? Long.valueOf((long) p.getDoubleValue()) : null;
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null || room == null || from == null || message == null || sentAt == null) {
                return null; // trailing content, or a property missing or of the wrong type
            }
            return new RoomMessage(room, from, message, sentAt);
        } catch (JacksonException e) {
            return null;
        }
    }
}
