package io.tether.core.room;

import java.util.concurrent.Executor;

/**
 * Where one session's room messages go: the protocol adapter's writer. A sink without a
 * {@link #loop()} takes every message on the fan-out's thread through {@link #deliver}. A sink
 * bound to an event loop names it, and the room's fan-out then posts <em>one</em> task per
 * loop per message that calls {@link #deliverOnLoop} for every member of the room on that
 * loop, in publish order, instead of one task per member. Implementations never block.
 */
@FunctionalInterface
public interface RoomSink {
    /** Takes a message from any thread (a sink with a loop queues it there). */
    void deliver(RoomDelivery delivery);

    /**
     * The single-threaded executor (the connection's event loop) this sink writes on, or null
     * when it takes messages on any thread. A membership stays on the loop named when it was
     * made (a sink whose loop changes still receives every message, in order, on that one).
     */
    default Executor loop() {
        return null;
    }

    /**
     * Takes a message on {@link #loop()}, in a task of the room's fan-out (never inline in the
     * caller's handler, so a reply being written now goes first): writes it at once.
     */
    default void deliverOnLoop(RoomDelivery delivery) {
        deliver(delivery);
    }
}
