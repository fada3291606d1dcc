package io.tether.server.socket;

import io.tether.codec.outbound.PreEncoded;
import java.util.ArrayDeque;

/**
 * Keeps one connection's room messages in order while a verb runs off the event loop (the lines of
 * a connection are parsed and their verb side effects applied strictly in order): room messages for
 * the connection wait here, so a sender's OK precedes its own copy. The lines decoded meanwhile
 * wait in the connection's {@link io.tether.server.flow.OutboundFlow} (held while the verb is
 * pending). Bounded; confined to the event loop.
 */
final class LineBacklog {
    /** Most room messages held while a verb is pending. */
    static final int MAX_MESSAGES = 10_000;

    /** Created on first use: most connections never queue anything. */
    private ArrayDeque<PreEncoded> messages;
    private boolean pending;

    /** Whether a verb is running off the loop. */
    boolean pending() {
        return pending;
    }

    /** Marks a verb as running off the loop (true) or finished (false). */
    void pending(boolean running) {
        pending = running;
    }

    /** Holds a room message until the pending verb's reply is written; false when full. */
    boolean holdMessage(PreEncoded message) {
        if (messages == null) {
            messages = new ArrayDeque<>();
        } else if (messages.size() >= MAX_MESSAGES) {
            return false;
        }
        messages.add(message);
        return true;
    }

    /** The next held room message, or null. */
    PreEncoded nextMessage() {
        return messages == null ? null : messages.poll();
    }

    /** Forgets everything (the connection is closing). */
    void clear() {
        messages = null;
    }
}
