package io.tether.codec.jstp;

import io.netty.util.ByteProcessor;
import io.tether.codec.framing.TerminatedFrameDecoder;

/**
 * Splits the TCP byte stream into NUL-terminated JSTP frames (spec §2.1) and strips the
 * terminator. An unterminated frame longer than the cap fails fast with a
 * {@link io.netty.handler.codec.TooLongFrameException}; the connection should then be
 * closed. Stateful: one instance per channel.
 */
public final class JstpFrameDecoder extends TerminatedFrameDecoder {
    /** The default frame cap: 8 MiB, as the reference implementation. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 8 * 1024 * 1024;

    /** A decoder with the default 8 MiB cap. */
    public JstpFrameDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    /** A decoder that fails on frames longer than {@code maxFrameBytes} (terminator excluded). */
    public JstpFrameDecoder(int maxFrameBytes) {
        super(ByteProcessor.FIND_NUL, maxFrameBytes);
    }
}
