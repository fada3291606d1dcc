package io.tether.codec.jstp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes one complete frame (as produced by {@link JstpFrameDecoder}) into a
 * {@link JstpMessage}: UTF-8 with replacement of malformed sequences, then mdsf, then
 * header validation. An empty frame, a syntax error or an invalid header reaches
 * {@code exceptionCaught} as a {@link io.netty.handler.codec.DecoderException} whose
 * cause is a {@link TetherException} with {@link ErrorCode#PROTOCOL_ERROR}; the handler
 * should close the connection. A message over the reader's
 * {@link io.tether.codec.mdsf.MdsfLimits} (elements, number-literal length) fails the same
 * way with a {@link io.tether.codec.mdsf.MdsfLimitException} as the cause, so a handler can
 * count it apart. Stateless and {@link Sharable}.
 */
@Sharable
public final class JstpMessageDecoder extends MessageToMessageDecoder<ByteBuf> {
    private final JstpMessages messages;

    /** A decoder with the default mdsf settings. */
    public JstpMessageDecoder() {
        this(JstpMessages.defaults());
    }

    /** A decoder using the given converter (e.g. with other {@link io.tether.codec.mdsf.MdsfLimits}). */
    public JstpMessageDecoder(JstpMessages messages) {
        super(ByteBuf.class);
        this.messages = messages;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (!frame.isReadable()) {
            throw new MalformedFrame(new MalformedInput("empty JSTP frame"));
        }
        String text = frame.toString(StandardCharsets.UTF_8);
        frame.skipBytes(frame.readableBytes());
        try {
            out.add(messages.parse(text));
        } catch (TetherException e) { // thrown here, not wrapped by Netty: no stack trace to fill
            throw new MalformedFrame(e);
        }
    }
}
