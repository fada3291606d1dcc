package io.tether.redis;

import io.tether.api.CacheEntry;
import io.tether.core.cache.CacheValues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cache entry as stored in Redis: JSON {@code {"v": value, "c": createdAt, "e": expiresAt}}.
 * Values are {@linkplain CacheValues#normalize normalized} on both ways, so they load back with
 * the types the in-memory store gives: integers as Long, other numbers as Double, unmodifiable
 * Lists and Maps.
 */
final class CacheValueCodec {
    private final JsonMapper mapper;

    CacheValueCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String encode(Object normalizedValue, long createdAt, long expiresAt) {
        ObjectNode node = mapper.createObjectNode();
        node.set("v", mapper.valueToTree(normalizedValue));
        node.put("c", createdAt);
        node.put("e", expiresAt);
        return mapper.writeValueAsString(node);
    }

    /** Decodes a stored entry; null if the stored text is not one (written by something else). */
    CacheEntry decode(String key, String json) {
        try {
            JsonNode node = mapper.readTree(json);
            JsonNode value = node.get("v");
            JsonNode created = node.get("c");
            JsonNode expires = node.get("e");
            if (value == null || created == null || !created.isNumber() || expires == null || !expires.isNumber()) {
                return null;
            }
            Object plain = CacheValues.normalize(mapper.treeToValue(value, Object.class));
            return new CacheEntry(key, plain, created.longValue(), expires.longValue());
        } catch (JacksonException e) {
            return null;
        }
    }
}
