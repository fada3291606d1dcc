package io.tether.codec.socket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Placed before framing: an inbound buffer that is exactly {@code 0x04} (Ctrl-D) or exactly
 * {@code FF F4 FF FD 06} (telnet Ctrl-C) is consumed and turned into a {@link SocketBreak} user
 * event (handled like {@code quit}). Anything else passes through untouched. Best effort by nature: TCP
 * may merge such a chunk with other bytes. Stateless and sharable.
 */
@io.netty.channel.ChannelHandler.Sharable
public final class BreakCharacterDetector extends ChannelInboundHandlerAdapter {
    private static final byte[] CTRL_D = {0x04};
    private static final byte[] TELNET_CTRL_C = {(byte) 0xFF, (byte) 0xF4, (byte) 0xFF, (byte) 0xFD, 0x06};

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && isBreak(buf)) {
            buf.release();
            ctx.fireUserEventTriggered(SocketBreak.INSTANCE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether the readable bytes are exactly one of the break sequences. */
    static boolean isBreak(ByteBuf buf) {
        return matches(buf, CTRL_D) || matches(buf, TELNET_CTRL_C);
    }

    private static boolean matches(ByteBuf buf, byte[] sequence) {
        if (buf.readableBytes() != sequence.length) {
            return false;
        }
        return ByteBufUtil.equals(buf, buf.readerIndex(), io.netty.buffer.Unpooled.wrappedBuffer(sequence), 0,
                sequence.length);
    }
}
