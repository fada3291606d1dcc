package io.tether.server.jstp.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The bounded store behind a {@link JstpSession}: serialized originated messages keyed by
 * abs(id) until acknowledged, and replies held while no transport is attached. Not
 * thread-safe: the owning session guards it with its lock.
 */
final class ResendBuffer {
    private final SessionLimits limits;
    private final TreeMap<Long, String> originated = new TreeMap<>();
    private final List<String> held = new ArrayList<>();
    private long chars;

    ResendBuffer(SessionLimits limits) {
        this.limits = limits;
    }

    /** Whether one more message of this length fits within the limits. */
    boolean fits(String text) {
        return originated.size() + held.size() + 1 <= limits.maxEntries()
                && chars + text.length() <= limits.maxBytes();
    }

    /** Whether the buffer is at least half full (time to solicit an acknowledgement). */
    boolean halfFull() {
        return (originated.size() + held.size()) * 2L >= limits.maxEntries() || chars * 2 >= limits.maxBytes();
    }

    void putOriginated(long absId, String text) {
        originated.put(absId, text);
        chars += text.length();
    }

    void hold(String text) {
        held.add(text);
        chars += text.length();
    }

    /** Removes originated messages with abs(id) ≤ {@code upTo}. */
    void acknowledge(long upTo) {
        Map<Long, String> acked = originated.headMap(upTo, true);
        for (String text : acked.values()) {
            chars -= text.length();
        }
        acked.clear();
    }

    /** Passes the remaining originated messages (ascending id), then the held replies, which are released. */
    void replay(Consumer<String> out) {
        originated.values().forEach(out);
        held.forEach(text -> {
            out.accept(text);
            chars -= text.length();
        });
        held.clear();
    }

    /** Passes the remaining originated messages, ascending id. */
    void replayOriginated(Consumer<String> out) {
        originated.values().forEach(out);
    }

    void clear() {
        originated.clear();
        held.clear();
        chars = 0;
    }

    List<Long> ids() {
        return List.copyOf(originated.keySet());
    }

    int heldCount() {
        return held.size();
    }

    long chars() {
        return chars;
    }
}
