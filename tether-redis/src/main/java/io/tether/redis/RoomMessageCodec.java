package io.tether.redis;

import io.tether.api.RoomMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The pub/sub payload of a room message: JSON {@code {"room","from","message","sentAt"}}. */
final class RoomMessageCodec {
    private final JsonMapper mapper;

    RoomMessageCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String encode(RoomMessage m) {
        ObjectNode node = mapper.createObjectNode();
        node.put("room", m.room());
        node.put("from", m.from());
        node.put("message", m.message());
        node.put("sentAt", m.sentAt());
        return mapper.writeValueAsString(node);
    }

    /** Decodes a payload; null when it is not a room message (foreign publisher, garbage). */
    RoomMessage decode(String payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            JsonNode room = node.get("room");
            JsonNode from = node.get("from");
            JsonNode message = node.get("message");
            JsonNode sentAt = node.get("sentAt");
            if (room == null || !room.isString() || from == null || message == null || !message.isString()
                    || sentAt == null || !sentAt.isNumber()) {
                return null;
            }
            return new RoomMessage(room.stringValue(), from.asString(), message.stringValue(), sentAt.longValue());
        } catch (JacksonException e) {
            return null;
        }
    }
}
