package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ByteProcessor;
import java.util.List;

/**
 * Splits on CR or LF in a single pass ({@link ByteProcessor#FIND_CRLF}), delimiter stripped,
 * so CR, LF and CRLF all end a line (CRLF leaves an empty frame, which
 * {@link SocketLineDecoder} drops). Used by {@link SocketFraming} when the configured delimiter
 * is made of CR/LF only: Netty's multi-delimiter decoder would search the rest of the read
 * once per delimiter per line, which is quadratic in the size of a pipelined read.
 *
 * <p>Fails fast like {@code DelimiterBasedFrameDecoder(max, true, true, …)}: once more than
 * {@code maxLineBytes} bytes arrive without a line end, a {@link TooLongFrameException} is
 * raised at once and the rest of that line is discarded.
 */
final class LineFrameDecoder extends ByteToMessageDecoder {
    private final int maxLineBytes;
    private boolean discarding;

    LineFrameDecoder(int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int end = in.forEachByte(ByteProcessor.FIND_CRLF);
            if (end < 0) {
                if (discarding) {
                    in.skipBytes(in.readableBytes());
                } else if (in.readableBytes() > maxLineBytes) {
                    in.skipBytes(in.readableBytes());
                    discarding = true;
                    throw tooLong();
                }
                return;
            }
            int length = end - in.readerIndex();
            if (discarding) {
                discarding = false;
                in.skipBytes(length + 1);
            } else if (length > maxLineBytes) {
                in.skipBytes(length + 1);
                throw tooLong();
            } else {
                out.add(in.readRetainedSlice(length));
                in.skipBytes(1);
            }
        }
    }

    private TooLongFrameException tooLong() {
        return new TooLongFrameException("line over " + maxLineBytes + " bytes");
    }
}
