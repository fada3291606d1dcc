package io.tether.client.socket.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
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

    /**
     * Re-adds the sticky params and rejoins the rooms on a new connection; a room that cannot
     * be rejoined is forgotten and reported. Completes when every reply arrived.
     */
    CompletableFuture<Void> restore(SocketConnection conn, Duration timeout, BiConsumer<String, String> cannotRejoin) {
        List<CompletableFuture<?>> steps = new ArrayList<>();
        params.forEach((k, v) -> steps.add(conn.sendVerb("paramAdd " + k + "=" + v, timeout)));
        for (String room : Set.copyOf(rooms)) {
            steps.add(conn.sendVerb("roomAdd " + room, timeout).thenAccept(r -> {
                if (r.body().hasNonNull("error")) {
                    rooms.remove(room);
                    cannotRejoin.accept(room, r.body().get("error").asString());
                }
            }));
        }
        return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
    }

    /** Sticky params with per-call params laid over them. */
    Map<String, Object> overlay(Map<String, ?> perCall) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(params);
        all.putAll(perCall);
        all.remove("messageId"); // the client's own id correlates the reply
        return all;
    }
}
