package io.tether.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.tether.client.ConnectionLostException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The WebSocket client stages of a channel (Netty's HTTP client codec and WebSocket client
 * handshaker, whole messages up to the cap) and the future of its upgrade: it completes when the
 * server accepted the handshake and fails with {@link ConnectionLostException} when it refused it
 * (the HTTP status is in the message), timed out, or the connection closed first. After the
 * upgrade the protocol's stages receive {@code WebSocketFrame}s and write them. One per channel.
 */
public final class WebSocketUpgrade extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final URI uri;

    private WebSocketUpgrade(URI uri) {
        this.uri = uri;
    }

    /**
     * Adds the stages for {@code uri} ({@code ws:} or {@code wss:}; TLS is the transport's) offering
     * {@code subprotocol}, and returns the future of the upgrade.
     */
    public static CompletableFuture<Void> addStages(ChannelPipeline p, URI uri, String subprotocol,
                                                    int maxMessageBytes, Duration timeout) {
        WebSocketUpgrade upgrade = new WebSocketUpgrade(uri);
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .subprotocol(subprotocol)
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(maxMessageBytes)
                .handshakeTimeoutMillis(Math.max(1, timeout.toMillis()))
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .build();
        p.addLast("http", new HttpClientCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(64 * 1024))
                .addLast("ws", new WebSocketClientProtocolHandler(config))
                .addLast("ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes))
                .addLast("ws-upgrade", upgrade);
        return upgrade.done;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            done.complete(null);
        } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            done.completeExceptionally(new ConnectionLostException("WebSocket upgrade at " + uri + " timed out", null));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (!done.isDone()) {
            done.completeExceptionally(new ConnectionLostException("WebSocket upgrade at " + uri + " failed: "
                    + cause.getMessage(), cause));
            ctx.close();
            return;
        }
        super.exceptionCaught(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        done.completeExceptionally(new ConnectionLostException("connection closed during the WebSocket upgrade at "
                + uri, null));
        super.channelInactive(ctx);
    }
}
