package io.tether.server.socket;

import io.tether.api.RoomMessage;
import io.tether.codec.socket.SocketRequest;
import java.util.ArrayDeque;

/**
 * Keeps one connection's request lines in order while a verb runs off the event loop
 * (spec §9: lines are processed and verb side effects applied strictly in order): lines
 * decoded meanwhile wait here, and so do room messages for the connection, so a sender's
 * OK precedes its own copy. Reading is turned off while a verb is pending, so only lines
 * already read can pile up; both queues are still bounded. Confined to the event loop.
 */
final class LineBacklog {
    /** Most lines queued behind a pending verb (a 64 KiB read of 2-byte lines is 32 Ki). */
    static final int MAX_LINES = 40_000;
    /** Most room messages held while a verb is pending. */
    static final int MAX_MESSAGES = 10_000;

    /** Created on first use: most connections never queue anything. */
    private ArrayDeque<SocketRequest> lines;
    private ArrayDeque<RoomMessage> messages;
    private boolean pending;

    /** Whether a verb is running off the loop. */
    boolean pending() {
        return pending;
    }

    /** Marks a verb as running off the loop (true) or finished (false). */
    void pending(boolean running) {
        pending = running;
    }

    /** Queues a line behind the pending verb; false when the bound is reached. */
    boolean deferLine(SocketRequest request) {
        if (lines == null) {
            lines = new ArrayDeque<>();
        } else if (lines.size() >= MAX_LINES) {
            return false;
        }
        lines.add(request);
        return true;
    }

    /** Holds a room message until the pending verb's reply is written; false when full. */
    boolean holdMessage(RoomMessage message) {
        if (messages == null) {
            messages = new ArrayDeque<>();
        } else if (messages.size() >= MAX_MESSAGES) {
            return false;
        }
        messages.add(message);
        return true;
    }

    /** The next queued line, or null. */
    SocketRequest nextLine() {
        return lines == null ? null : lines.poll();
    }

    /** The next held room message, or null. */
    RoomMessage nextMessage() {
        return messages == null ? null : messages.poll();
    }

    /** Forgets everything (the connection is closing). */
    void clear() {
        lines = null;
        messages = null;
    }
}
