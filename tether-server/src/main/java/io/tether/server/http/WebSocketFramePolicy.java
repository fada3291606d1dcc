package io.tether.server.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's rules for data frames, in front of every endpoint: a binary message closes the
 * connection with 1003 (unsupported data: both protocols are text), a text message that is not
 * UTF-8 with 1007 (checked once per whole message, {@link Utf8Text}, in place of Netty's
 * per-frame validator), a message over
 * {@link HttpOptions#maxMessageBytes()} (reported by the frame aggregator) with 1009. A frame
 * that breaks the protocol (unmasked, reserved bits or opcodes, a fragmented or long control
 * frame, a bad close code) or is over {@link HttpOptions#maxFrameBytes()} is reported by Netty's
 * frame decoder and closed here with its code (1002, 1007, 1009) and text: the close frame goes
 * through Netty's protocol stage, so that it is the only one (when the decoder wrote it itself,
 * the protocol stage sent a second one, 1000, as the connection closed: found by
 * {@code WebSocketInboundFuzzTest}). Anything but a frame reaching this stage is what the HTTP
 * codec made of bytes the client sent before the 101 (it must wait for it): 1002, since the
 * frame decoder never saw them and cannot resynchronise. Stateless and sharable.
 */
@ChannelHandler.Sharable
final class WebSocketFramePolicy extends ChannelInboundHandlerAdapter {
    static final WebSocketFramePolicy INSTANCE = new WebSocketFramePolicy();
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFramePolicy.class);

    private WebSocketFramePolicy() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame)) {
            // bytes the client sent before the handshake's 101 (RFC 6455 4.1: it must wait for it) reach
            // this stage as what Netty's HTTP codec made of them when the handshake removed it (the rest
            // of its buffer, or a request it was parsing); the frame decoder never saw them, so framing
            // cannot resume at a frame boundary: a protocol error (WebSocketInboundFuzzTest, finding 10)
            ReferenceCountUtil.release(msg);
            LOG.debug("closing {}: data before the handshake response", ctx.channel());
            close(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "data before the handshake response");
            return;
        }
        if (msg instanceof BinaryWebSocketFrame) {
            ReferenceCountUtil.release(msg);
            LOG.debug("closing {}: binary frame", ctx.channel());
            close(ctx, WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "text frames only");
            return;
        }
        if (msg instanceof TextWebSocketFrame text && !Utf8Text.isValid(text.content())) {
            text.release();
            LOG.debug("closing {}: a text message that is not UTF-8", ctx.channel());
            close(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "invalid UTF-8");
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException bad) {
            // Netty's frame decoder (closeOnProtocolViolation off): 1002, 1007, or 1009 for a frame
            // over the cap; the same frame it would write itself, but written through the protocol
            // stage, which then knows a close frame left and sends no second one (1000) on close. Written
            // from this stage and flushed at once: the protocol stage closes the connection right after
            // this returns, before a flush consolidation stage of the endpoint would flush it
            WebSocketCloseStatus status = bad.closeStatus();
            LOG.debug("closing {}: {}", ctx.channel(), bad.getMessage());
            if (ctx.channel().isActive()) {
                ctx.channel().config().setAutoRead(false);
                ctx.writeAndFlush(new CloseWebSocketFrame(status.code(),
                        bad.getMessage() != null ? bad.getMessage() : status.reasonText()))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            return;
        }
        if (cause instanceof TooLongFrameException) {
            LOG.debug("closing {}: {}", ctx.channel(), cause.getMessage());
            close(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big");
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    /** Writes a close frame with {@code status} and closes the channel once it is written. */
    static void close(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.channel().config().setAutoRead(false);
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(status.code(), reason))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
