package io.tether.server.jstp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.channel.ChannelFutureListener;
import java.util.List;

/**
 * JSTP's framing over WebSocket: one text message is one JSTP message (no NUL terminator), so
 * this stage hands the message's bytes to the same {@link io.tether.codec.jstp.JstpMessageDecoder}
 * the TCP listener uses. Like the NUL framing it holds messages to the small pre-handshake cap
 * until the handshake succeeded, then to {@code maxMessageBytes}; a longer message closes the
 * connection with 1009. One per channel, confined to its event loop.
 */
final class JstpWebSocketFrames extends MessageToMessageDecoder<TextWebSocketFrame> {
    private final int maxMessageBytes;
    private int cap;

    JstpWebSocketFrames(int maxHandshakeBytes, int maxMessageBytes) {
        super(TextWebSocketFrame.class);
        this.cap = maxHandshakeBytes;
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The handshake succeeded: messages may now be up to {@code maxMessageBytes}. */
    void handshakeDone() {
        cap = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, TextWebSocketFrame frame, List<Object> out) {
        if (!ctx.channel().isActive()) {
            // the server closed the connection while frames of the same read were still being
            // decoded (e.g. a refused handshake followed by more messages): nothing after the
            // close is read, as over TCP; the frame is released by the decoder
            return;
        }
        if (frame.content().readableBytes() > cap) {
            ctx.channel().config().setAutoRead(false);
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
                    "JSTP message over " + cap + " bytes")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        out.add(frame.content().retain());
    }
}
