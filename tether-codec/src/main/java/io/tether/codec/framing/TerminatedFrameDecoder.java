package io.tether.codec.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Splits a byte stream into frames that each end at a one-byte terminator, in a single pass
 * over the input: the terminators are the bytes at which the given {@link ByteProcessor}
 * stops ({@link ByteProcessor#FIND_CRLF} for lines ended by CR or LF,
 * {@link ByteProcessor#FIND_NUL} for JSTP). The terminator is stripped; an empty frame
 * (two terminators in a row, e.g. CRLF) is emitted as an empty buffer. Netty's
 * {@link io.netty.handler.codec.DelimiterBasedFrameDecoder} searches the rest of the input
 * once per delimiter per frame, which is quadratic in the size of a pipelined read, and
 * keeps copies of its delimiters in every channel.
 *
 * <p>An unterminated frame is not rescanned from its start on the next read: the decoder
 * remembers how far it has looked, so a peer trickling a large frame in tiny reads costs
 * work linear in the bytes sent, not in bytes times reads.
 *
 * <p>Fails fast like {@code DelimiterBasedFrameDecoder(max, true, true, …)}: once more than
 * the cap arrive without a terminator, a {@link TooLongFrameException} is raised at once and
 * the rest of that frame is discarded. The cap may be changed between reads
 * ({@link #maxFrameBytes(int)}, e.g. raised once a handshake succeeds). One instance per
 * channel; confined to its event loop.
 */
public class TerminatedFrameDecoder extends ByteToMessageDecoder {
    private final ByteProcessor terminator;
    private int maxFrameBytes;
    private boolean discarding;
    /** Bytes of the current unterminated frame, from the reader index, already known to hold no terminator. */
    private int scanned;

    /**
     * A decoder of frames ended by the bytes {@code terminator} stops at, each at most
     * {@code maxFrameBytes} long (terminator excluded).
     */
    public TerminatedFrameDecoder(ByteProcessor terminator, int maxFrameBytes) {
        this.terminator = terminator;
        maxFrameBytes(maxFrameBytes);
    }

    /** The current cap of one frame in bytes (terminator excluded). */
    public final int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Changes the cap for the frames decoded from now on; call on the channel's event loop.
     *
     * @param maxFrameBytes at least 1
     */
    protected final void maxFrameBytes(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int from = in.readerIndex() + scanned;
            int end = in.forEachByte(from, in.writerIndex() - from, terminator);
            if (end < 0) {
                if (discarding) {
                    in.skipBytes(in.readableBytes());
                } else if (in.readableBytes() > maxFrameBytes) {
                    in.skipBytes(in.readableBytes());
                    scanned = 0;
                    discarding = true;
                    throw tooLong();
                } else {
                    scanned = in.readableBytes();
                }
                return;
            }
            scanned = 0;
            int length = end - in.readerIndex();
            if (discarding) {
                discarding = false;
                in.skipBytes(length + 1);
            } else if (length > maxFrameBytes) {
                in.skipBytes(length + 1);
                throw tooLong();
            } else {
                out.add(in.readRetainedSlice(length));
                in.skipBytes(1);
            }
        }
    }

    private TooLongFrameException tooLong() {
        return new TooLongFrameException("frame over " + maxFrameBytes + " bytes");
    }
}
