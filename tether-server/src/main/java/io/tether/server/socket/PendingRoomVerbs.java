package io.tether.server.socket;

import io.tether.codec.socket.SocketMessage;
import java.util.ArrayDeque;

/**
 * The room verbs of one connection whose replies are not ready yet (a broker that answers off
 * the event loop, such as Redis), oldest first, so that their replies are written in line
 * order whatever order they complete in.
 *
 * <p>Several {@code say} lines pipeline: while only says are pending, a new say line starts at
 * once instead of waiting for the previous reply (the room service keeps the publishes of one
 * session in order per room), up to {@link #MAX_PIPELINED_SAYS}. The pipelined says form a
 * <em>window</em> that closes when its first reply is ready or when it is full: from then on
 * every line waits until the whole window has been answered. Room messages for the connection
 * are held while anything is pending (a sender's OK precedes its own copy), so a closing window
 * bounds how long they wait: one broker round trip, however fast a client keeps sending says.
 * Any other room verb pending, or any other line waiting, stops the pipelining as before.
 * Confined to the connection's event loop.
 */
final class PendingRoomVerbs {
    /** Most says of one connection in flight at once. */
    static final int MAX_PIPELINED_SAYS = 16;

    private final ArrayDeque<Entry> entries = new ArrayDeque<>(4);
    private boolean onlySays = true;
    private boolean windowClosed;

    /** One pending room verb; its reply is set once its future completed. */
    static final class Entry {
        private SocketMessage reply;

        private Entry() {
        }
    }

    /** Whether no room verb is pending. */
    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether a say line may start now although room verbs are pending (the window is open). */
    boolean admitsSay() {
        return !entries.isEmpty() && onlySays && !windowClosed && entries.size() < MAX_PIPELINED_SAYS;
    }

    /** Records a room verb started now (the newest line); {@code say}: whether it is a say. */
    Entry add(boolean say) {
        Entry e = new Entry();
        entries.add(e);
        onlySays &= say;
        return e;
    }

    /** The verb's reply is ready: the window takes no more says. */
    void complete(Entry entry, SocketMessage reply) {
        entry.reply = reply;
        windowClosed = true;
    }

    /** The oldest reply if it is ready (removed), else null; once all are out the next window may open. */
    SocketMessage nextReady() {
        Entry head = entries.peek();
        if (head == null || head.reply == null) {
            return null;
        }
        entries.poll();
        if (entries.isEmpty()) {
            onlySays = true;
            windowClosed = false;
        }
        return head.reply;
    }

    /** Forgets everything (the connection is closing). */
    void clear() {
        entries.clear();
        onlySays = true;
        windowClosed = false;
    }
}
