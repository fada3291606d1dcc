package io.tether.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * Netty's WebSocket protocol stage ({@value WebSocketStages#PROTOCOL}), except that once a close
 * frame left, it no longer answers a ping or echoes a close: RFC 6455 lets nothing follow a close
 * frame, and Netty writes those answers past its own check (frames written through it after a
 * close are already dropped). Without this, a client whose read held a message that made the
 * server close (e.g. Primus' {@code quit}) and then a ping got a pong after the close frame (found
 * by {@code WebSocketInboundFuzzTest}); and a client's close frame whose reason is not UTF-8 is
 * answered with 1007 instead of echoed (also found by it). One per channel (one flag more than Netty's stage), confined
 * to its event loop.
 */
final class WebSocketProtocolStage extends WebSocketServerProtocolHandler {
    private boolean closeSent;

    WebSocketProtocolStage(WebSocketServerProtocolConfig config) {
        super(config);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof CloseWebSocketFrame) {
            closeSent = true;
        } else if (closeSent && promise.isVoid()) {
            // a fire-and-forget frame after the close frame (an endpoint answering the rest of a read
            // that also made the connection close): dropped, as RFC 6455 wants; Netty would fail the
            // void promise, which raises a ClosedChannelException through the pipeline (found by
            // WebSocketInboundFuzzTest). A writer that asked for a promise still gets the failure
            ReferenceCountUtil.release(msg);
            return;
        }
        super.write(ctx, msg, promise);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) throws Exception {
        if (closeSent && (frame instanceof PingWebSocketFrame || frame instanceof CloseWebSocketFrame)) {
            return; // released by the decoder base class, as every frame not passed on
        }
        if (frame instanceof CloseWebSocketFrame close && close.content().readableBytes() > 2
                && !Utf8Text.isValid(close.content().slice(close.content().readerIndex() + 2,
                        close.content().readableBytes() - 2))) {
            // Netty echoes a client's close frame as it came; its reason must be UTF-8 (RFC 6455
            // 5.5.1), and with the frame decoder's validator off (the policy stage checks whole
            // messages) nobody else checks it: answer 1007, never echo bytes that are not text
            WebSocketFramePolicy.close(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "invalid UTF-8 in the close reason");
            return;
        }
        super.decode(ctx, frame, out);
    }
}
