package io.tether.client.socket.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the client restores after reconnecting: the sticky params it added and the rooms it
 * joined. Written on the event loop when the server confirmed the change, readable anywhere.
 */
final class StickyState {
    private final Map<String, String> params = new ConcurrentHashMap<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    Map<String, String> params() {
        return params;
    }

    Set<String> rooms() {
        return rooms;
    }

    /** Sticky params with per-call params laid over them. */
    Map<String, Object> overlay(Map<String, ?> perCall) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(params);
        all.putAll(perCall);
        all.remove("messageId"); // the client's own id correlates the reply
        return all;
    }
}
