package io.tether.client.jstp.internal;

import io.tether.client.jstp.JstpApp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The client side of a JSTP session (which outlives its transports): id counter, buffer of
 * serialized originated messages not yet acknowledged, receivedCount and deliveredCount, plus what
 * is needed to open a new session if the server lost this one. Confined to the client's event loop.
 */
final class ClientSession {
    private final String id;
    private final JstpApp app;
    private final String strategy;
    private final Object credentials;
    private final String username;
    private final TreeMap<Long, String> buffer = new TreeMap<>();
    private long lastId;
    private long receivedCount;
    private long deliveredCount;

    ClientSession(String id, JstpApp app, String strategy, Object credentials, String username) {
        this.id = id;
        this.app = app;
        this.strategy = strategy;
        this.credentials = credentials;
        this.username = username;
    }

    String id() {
        return id;
    }

    JstpApp app() {
        return app;
    }

    String strategy() {
        return strategy;
    }

    Object credentials() {
        return credentials;
    }

    String username() {
        return username;
    }

    /** The id {@link #nextId()} will return. */
    long peekNextId() {
        return lastId + 1;
    }

    /** The next originated id: 1, 2, 3, … continuing across restores. */
    long nextId() {
        return ++lastId;
    }

    /** Keeps the serialized text of an originated message until it is acknowledged. */
    void buffer(long messageId, String text) {
        buffer.put(messageId, text);
    }

    /** An originated message from the server arrived. */
    void received(long messageId) {
        receivedCount = Math.max(receivedCount, Math.abs(messageId));
    }

    long receivedCount() {
        return receivedCount;
    }

    /** The server received everything up to {@code abs(messageId)} (callback, pong, restore). */
    void acknowledged(long messageId) {
        long n = Math.abs(messageId);
        if (n > deliveredCount) {
            buffer.headMap(n, true).clear();
            deliveredCount = n;
        }
    }

    /** Buffered texts in ascending id order (for the resend after a restore). */
    List<String> unacknowledged() {
        return new ArrayList<>(buffer.values());
    }

    int buffered() {
        return buffer.size();
    }
}
