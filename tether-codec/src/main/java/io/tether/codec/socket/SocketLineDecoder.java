package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns each complete line (a frame from {@link SocketFraming}) into a {@link SocketRequest}:
 * drops empty lines, measures the line in UTF-8 bytes against {@code maxDataLength}
 * ({@link SocketRequest.TooLong} when longer: not run, answered, connection kept), decodes the
 * whole line as UTF-8 (malformed bytes become U+FFFD) and classifies it. Stateless and sharable.
 */
@io.netty.channel.ChannelHandler.Sharable
public final class SocketLineDecoder extends MessageToMessageDecoder<ByteBuf> {
    private final int maxDataLength;
    private final SocketRequestClassifier classifier;

    /** A decoder; {@code maxDataLength} 0 means no per-line limit. */
    public SocketLineDecoder(int maxDataLength, SocketRequestClassifier classifier) {
        super(ByteBuf.class);
        if (maxDataLength < 0) {
            throw new IllegalArgumentException("maxDataLength must be >= 0");
        }
        this.maxDataLength = maxDataLength;
        this.classifier = classifier;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        int length = line.readableBytes();
        if (length == 0) {
            return;
        }
        if (maxDataLength > 0 && length > maxDataLength) {
            out.add(new SocketRequest.TooLong(length));
            return;
        }
        out.add(classifier.classify(line.toString(StandardCharsets.UTF_8)));
    }
}
