package io.tether.client.jstp.internal;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.buffer.ByteBufUtil;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessages;
import java.util.List;

/**
 * JSTP over WebSocket on the client: one message per text frame (no NUL). Inbound, a message's
 * bytes go to the same {@link io.tether.codec.jstp.JstpMessageDecoder} as over TCP (a binary
 * message is read as text, as {@code @metarhia/jstp} does); outbound, each message (text or
 * {@link JstpMessage}) becomes one text frame. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class JstpTextFrames extends MessageToMessageCodec<WebSocketFrame, Object> {
    private final JstpMessages messages;

    JstpTextFrames(JstpMessages messages) {
        super(WebSocketFrame.class, Object.class);
        this.messages = messages;
    }

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof CharSequence || msg instanceof JstpMessage;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
        CharSequence text = msg instanceof JstpMessage m ? messages.toMdsf(m) : (CharSequence) msg;
        out.add(new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), text)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            out.add(frame.content().retain());
        }
    }
}
