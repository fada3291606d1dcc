package io.tether.bench.load;

import io.netty.buffer.ByteBuf;

/** What a {@link Dialect} reports about each inbound frame. */
public interface ReplySink {
    /** The connection finished its welcome or handshake and may send requests. */
    void ready();

    /** The reply to request {@code id} arrived. */
    void reply(long id, boolean error);

    /** A reply arrived that cannot be matched: it completes the oldest request (FIFO). */
    void replyInOrder(boolean error);

    /** The connection cannot be used (handshake refused, goodbye, …). */
    void fatal(String why);

    /** Sends protocol housekeeping (a pong), not counted as a request. */
    void send(ByteBuf message);
}
