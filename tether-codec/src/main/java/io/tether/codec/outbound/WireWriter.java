package io.tether.codec.outbound;

import io.netty.buffer.ByteBuf;

/**
 * Appends the wire form of one outbound message to a buffer. One instance serves every
 * channel of a listener, so implementations are thread-safe; {@link CoalescingEncoder}
 * calls it on the channel's event loop.
 */
public interface WireWriter {
    /** Whether this writer encodes {@code msg}; other messages pass through unchanged. */
    boolean accepts(Object msg);

    /**
     * Appends the complete wire form of {@code msg} (terminator included) to {@code out}.
     * On an exception, whatever was appended is discarded by the caller.
     */
    void write(Object msg, ByteBuf out);
}
