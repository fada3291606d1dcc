package io.tether.server.jstp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessages;
import java.util.List;

/**
 * Writes each outbound JSTP message (text serialized by the session, or a {@link JstpMessage})
 * as one WebSocket text frame, UTF-8, without JSTP's NUL terminator. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class JstpWebSocketEncoder extends MessageToMessageEncoder<Object> {
    private final JstpMessages messages;

    JstpWebSocketEncoder(JstpMessages messages) {
        this.messages = messages;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof CharSequence || msg instanceof JstpMessage;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        CharSequence text = msg instanceof JstpMessage m ? messages.toMdsf(m) : (CharSequence) msg;
        // heap: Netty's frame encoder copies the payload behind the frame header anyway
        ByteBuf payload = ctx.alloc().heapBuffer(ByteBufUtil.utf8MaxBytes(text));
        ByteBufUtil.writeUtf8(payload, text);
        out.add(new TextWebSocketFrame(payload));
    }
}
