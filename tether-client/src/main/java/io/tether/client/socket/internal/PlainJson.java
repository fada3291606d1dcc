package io.tether.client.socket.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Turns a parsed reply into the plain Java values of {@link io.tether.client.socket.SocketReply}:
 * unmodifiable maps (in member order) and lists, strings, the node's own number type, booleans
 * and nulls.
 */
final class PlainJson {
    private PlainJson() {
    }

    /** The members of an object node; an empty map for any other node. */
    static Map<String, Object> object(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), value(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The plain value of any node. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            for (JsonNode item : node.values()) {
                out.add(value(item));
            }
            return Collections.unmodifiableList(out);
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }
}
