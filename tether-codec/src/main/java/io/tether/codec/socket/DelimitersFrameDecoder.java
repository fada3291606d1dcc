package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits a byte stream into frames ended by any of several delimiters of one or more bytes, as
 * Netty's {@code DelimiterBasedFrameDecoder(max, true, true, delimiters)} does (same frames,
 * same failures for the same reads: the frame ends at the earliest complete delimiter, the first
 * delimiter in the given order winning at equal positions; delimiters stripped; a frame over the
 * cap fails fast with {@link TooLongFrameException} and is discarded up to its delimiter) but in
 * one pass: bytes already searched are not searched again when more arrive. Netty's decoder
 * searches the whole buffered input once per delimiter per read, so a peer trickling a 1 MiB
 * line one byte per read cost about 5·10^11 byte comparisons (found by
 * {@code SocketInboundFuzzTest}). Used by {@link SocketFraming} for delimiters that are not
 * made of CR/LF only. One instance per channel; confined to its event loop.
 */
final class DelimitersFrameDecoder extends ByteToMessageDecoder {
    private final byte[][] delimiters;
    private final int maxFrameBytes;
    /** Bytes before the last {@code longest - 1} of the searched region can hold no complete delimiter start. */
    private final int overlap;
    private boolean discarding;
    /** Bytes of the current unterminated frame, from the reader index, already searched. */
    private int scanned;

    /** A decoder of frames ended by one of {@code delimiters} (in order of preference), at most {@code maxFrameBytes} long. */
    DelimitersFrameDecoder(byte[][] delimiters, int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        int longest = 0;
        for (byte[] d : delimiters) {
            if (d.length == 0) {
                throw new IllegalArgumentException("empty delimiter");
            }
            longest = Math.max(longest, d.length);
        }
        this.delimiters = delimiters.clone();
        this.maxFrameBytes = maxFrameBytes;
        this.overlap = longest - 1;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int end = in.writerIndex();
            int at = -1;
            byte[] delimiter = null;
            for (int i = start + Math.max(0, scanned - overlap); i < end && at < 0; i++) {
                delimiter = delimiterAt(in, i, end);
                if (delimiter != null) {
                    at = i;
                }
            }
            if (at < 0) {
                if (discarding) {
                    in.skipBytes(in.readableBytes());
                    scanned = 0;
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
            int length = at - start;
            if (discarding) {
                discarding = false;
                in.skipBytes(length + delimiter.length);
            } else if (length > maxFrameBytes) {
                in.skipBytes(length + delimiter.length);
                throw tooLong();
            } else {
                out.add(in.readRetainedSlice(length));
                in.skipBytes(delimiter.length);
            }
        }
    }

    /** The first delimiter that is complete at {@code index}, or null. */
    private byte[] delimiterAt(ByteBuf in, int index, int end) {
        byte first = in.getByte(index);
        for (byte[] d : delimiters) {
            if (d[0] == first && index + d.length <= end && matches(in, index, d)) {
                return d;
            }
        }
        return null;
    }

    private static boolean matches(ByteBuf in, int index, byte[] d) {
        for (int k = 1; k < d.length; k++) {
            if (in.getByte(index + k) != d[k]) {
                return false;
            }
        }
        return true;
    }

    private TooLongFrameException tooLong() {
        return new TooLongFrameException("frame over " + maxFrameBytes + " bytes");
    }
}
