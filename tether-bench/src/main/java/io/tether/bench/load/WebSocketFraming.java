package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.outbound.WireWriter;
import java.net.URI;

/**
 * Runs a terminator-framed {@link Dialect} over WebSocket (JSTP's {@code metarhia-jstp}
 * subprotocol, or Primus: one message per text frame): each inbound text message reaches the
 * {@link LoadHandler} as its bytes plus the terminator, each terminated request the handler
 * writes leaves as one text frame. The load handler is added (and started) once the upgrade
 * completed. One per channel, on its event loop.
 */
final class WebSocketFraming extends ChannelDuplexHandler {
    /** Copies encoded bytes into the batch. */
    private static final WireWriter BYTES = new WireWriter() {
        @Override
        public boolean accepts(Object msg) {
            return msg instanceof ByteBuf;
        }

        @Override
        public void write(Object msg, ByteBuf out) {
            ByteBuf b = (ByteBuf) msg;
            out.writeBytes(b, b.readerIndex(), b.readableBytes());
        }
    };
    private final byte terminator;
    private final ByteBuf terminatorBuf;
    private final ChannelHandler loadHandler;

    private WebSocketFraming(byte terminator, ChannelHandler loadHandler) {
        this.terminator = terminator;
        this.terminatorBuf = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {terminator}));
        this.loadHandler = loadHandler;
    }

    /**
     * Adds the WebSocket client stages for {@code uri} (offering {@code subprotocol}, or none when
     * null); {@code loadHandler} joins after the upgrade.
     */
    static void addStages(ChannelPipeline p, URI uri, String subprotocol, int maxMessageBytes, byte terminator,
                          ChannelHandler loadHandler) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).version(WebSocketVersion.V13).subprotocol(subprotocol)
                .customHeaders(new DefaultHttpHeaders()).maxFramePayloadLength(maxMessageBytes)
                .handshakeTimeoutMillis(30_000).build();
        // first (next to the transport): the masked frames of one flush leave as one buffer, as the server's do
        p.addLast(new CoalescingEncoder(BYTES), new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                new WebSocketClientProtocolHandler(config),
                new WebSocketFrameAggregator(maxMessageBytes), new WebSocketFraming(terminator, loadHandler));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.pipeline().addLast(loadHandler);
            ((io.netty.channel.ChannelInboundHandler) loadHandler).channelActive(ctx.pipeline().context(loadHandler));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame) {
            ctx.fireChannelRead(frame.content());
            ctx.fireChannelRead(terminatorBuf.duplicate());
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.write(msg, promise);
            return;
        }
        try {
            int from = buf.readerIndex();
            int end = buf.writerIndex();
            while (from < end) {
                int at = buf.indexOf(from, end, terminator);
                int to = at < 0 ? end : at;
                if (to > from) {
                    ctx.write(new TextWebSocketFrame(buf.retainedSlice(from, to - from)), ctx.voidPromise());
                }
                from = to + 1;
            }
        } finally {
            buf.release();
        }
        if (!promise.isVoid()) {
            promise.setSuccess();
        }
    }
}
