package io.tether.codec.jstp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link JstpMessage}, or message text that was serialized earlier (a
 * {@link CharSequence}, e.g. from a session's resend buffer), as UTF-8 followed by one
 * {@code 0x00} terminator, in a single buffer (spec §2.1). Pre-serialized text is written
 * byte-identically. Stateless and {@link Sharable}.
 */
@Sharable
public final class JstpMessageEncoder extends MessageToByteEncoder<Object> {
    private final JstpMessages messages;

    /** An encoder with the default mdsf settings. */
    public JstpMessageEncoder() {
        this(JstpMessages.defaults());
    }

    /** An encoder using the given converter. */
    public JstpMessageEncoder(JstpMessages messages) {
        super(Object.class);
        this.messages = messages;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof JstpMessage || msg instanceof CharSequence;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Object msg, boolean preferDirect) {
        int size = msg instanceof CharSequence text ? ByteBufUtil.utf8Bytes(text) + 1 : 64;
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        CharSequence text = msg instanceof JstpMessage m ? messages.toMdsf(m) : (CharSequence) msg;
        ByteBufUtil.writeUtf8(out, text);
        out.writeByte(0);
    }
}
