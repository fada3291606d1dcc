package io.tether.codec.jstp;

import io.netty.util.ByteProcessor;
import io.tether.codec.framing.TerminatedFrameDecoder;

/**
 * Splits the TCP byte stream into NUL-terminated JSTP frames and strips the
 * terminator. An unterminated frame longer than the cap fails fast with a
 * {@link io.netty.handler.codec.TooLongFrameException}; the connection should then be
 * closed.
 *
 * <p>Two caps: until {@link #handshakeDone()} is called, frames are held to the small
 * pre-handshake cap, so an anonymous peer cannot make the server buffer and parse megabytes
 * before it is known; afterwards the message cap applies. Stateful: one instance per channel,
 * confined to its event loop.
 *
 * <pre>{@code
 * pipeline.addLast("frame", new JstpFrameDecoder(16 * 1024, 8 * 1024 * 1024));
 * // on the event loop, once the handshake succeeded:
 * pipeline.get(JstpFrameDecoder.class).handshakeDone();
 * }</pre>
 */
public final class JstpFrameDecoder extends TerminatedFrameDecoder {
    /** The default frame cap: 8 MiB, as the reference implementation. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private final int maxMessageBytes;

    /** A decoder with the default 8 MiB cap from the start. */
    public JstpFrameDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    /** A decoder that fails on frames longer than {@code maxFrameBytes} (terminator excluded), from the start. */
    public JstpFrameDecoder(int maxFrameBytes) {
        this(maxFrameBytes, maxFrameBytes);
    }

    /**
     * A decoder that holds frames to {@code maxHandshakeBytes} until {@link #handshakeDone()}
     * and to {@code maxMessageBytes} afterwards (terminator excluded).
     *
     * @throws IllegalArgumentException if a cap is not positive or the handshake cap is the larger
     */
    public JstpFrameDecoder(int maxHandshakeBytes, int maxMessageBytes) {
        super(ByteProcessor.FIND_NUL, maxHandshakeBytes);
        if (maxMessageBytes < maxHandshakeBytes) {
            throw new IllegalArgumentException("maxHandshakeBytes must not exceed maxMessageBytes");
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Lifts the pre-handshake cap to the message cap; call on the channel's event loop. Idempotent. */
    public void handshakeDone() {
        maxFrameBytes(maxMessageBytes);
    }
}
