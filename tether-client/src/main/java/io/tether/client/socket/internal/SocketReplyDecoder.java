package io.tether.client.socket.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the server's byte stream into reply lines (CRLF or LF, empty lines skipped, each
 * line capped) decoded as UTF-8 {@link String}s. While a {@code file} request is being
 * answered it captures raw bytes up to the reply of the marker request instead and emits
 * them as one {@link FileContent}. One instance per channel.
 */
final class SocketReplyDecoder extends ByteToMessageDecoder {

    /** Raw bytes served by the {@code file} verb (or the not-found line). */
    record FileContent(byte[] bytes) {
    }

    private final int maxLineBytes;
    private byte[] fileMarker;

    SocketReplyDecoder(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** From now on capture bytes until the line containing {@code marker}. Event loop only. */
    void captureFileUntil(String marker) {
        this.fileMarker = marker.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            Object next = fileMarker != null ? captureFile(in) : line(in);
            if (next == null) {
                return;
            }
            if (!(next instanceof String s && s.isEmpty())) {
                out.add(next);
            }
        }
    }

    private Object line(ByteBuf in) {
        int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (eol < 0) {
            if (in.readableBytes() > maxLineBytes) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("reply line longer than " + maxLineBytes + " bytes");
            }
            return null;
        }
        int length = eol - in.readerIndex();
        if (length > 0 && in.getByte(eol - 1) == '\r') {
            length--;
        }
        String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.readerIndex(eol + 1);
        return text;
    }

    private Object captureFile(ByteBuf in) {
        int at = ByteBufUtil.indexOf(io.netty.buffer.Unpooled.wrappedBuffer(fileMarker), in);
        if (at < 0) {
            if (in.readableBytes() > maxLineBytes) {
                in.skipBytes(in.readableBytes());
                throw new TooLongFrameException("file longer than " + maxLineBytes + " bytes");
            }
            return null;
        }
        int end = at;
        while (end > in.readerIndex() && in.getByte(end) != '{') {
            end--;
        }
        byte[] content = new byte[end - in.readerIndex()];
        in.readBytes(content);
        fileMarker = null;
        return new FileContent(content);
    }
}
