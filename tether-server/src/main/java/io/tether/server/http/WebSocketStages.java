package io.tether.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;

/**
 * The WebSocket stages the listener puts in front of an endpoint when a request upgrades: next
 * to the transport {@value #BATCH} (the frames written between two flushes leave as one buffer:
 * {@link WebSocketBatching}), then after the router's position {@value #KEEPALIVE} (idle ping, when on), {@value #PROTOCOL} (Netty's
 * handshake, ping answers, close frames, frame cap), {@value #AGGREGATOR}
 * (whole messages up to the message cap) and {@value #POLICY} (1003 for binary, 1007 for text
 * that is not UTF-8, 1009 for a long frame or message, 1002 for a frame that breaks the protocol);
 * then the endpoint adds its own.
 */
final class WebSocketStages {
    /** Name of the idle ping stage. */
    static final String KEEPALIVE = "ws-keepalive";
    /** Name of Netty's WebSocket protocol stage. */
    static final String PROTOCOL = "ws";
    /** Name of the message aggregation stage. */
    static final String AGGREGATOR = "ws-aggregator";
    /** Name of the outbound batching stage (next to the transport, before Netty's frame encoder). */
    static final String BATCH = "ws-batch";
    /** Name of the frame policy stage. */
    static final String POLICY = "ws-policy";
    /**
     * How long a close frame may take to be written before the connection is closed without it
     * (a client that does not read, cut off at the outbound cap, would otherwise hold it).
     */
    static final long CLOSE_FRAME_TIMEOUT_MILLIS = 3_000;

    private WebSocketStages() {
    }

    static void install(ChannelHandlerContext router, String path, WebSocketEndpoint endpoint, WebSocketRequest request) {
        ChannelPipeline p = router.pipeline();
        HttpOptions o = request.options();
        String last = router.name();
        if (!o.pingInterval().isZero()) {
            p.addAfter(last, KEEPALIVE, new WebSocketKeepAlive(o.pingInterval(), o.pongTimeout()));
            last = KEEPALIVE;
        }
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .checkStartsWith(true)
                .subprotocols(request.subprotocol())
                .handshakeTimeoutMillis(o.requestTimeout().toMillis())
                .forceCloseTimeoutMillis(CLOSE_FRAME_TIMEOUT_MILLIS)
                .handleCloseFrames(true)
                .sendCloseFrame(WebSocketCloseStatus.NORMAL_CLOSURE)
                .dropPongFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(o.maxFrameBytes())
                        .allowExtensions(false)
                        // the policy stage writes the close frame (1002, 1007, 1009) through the protocol
                        // stage, which then sends no second one when the connection closes
                        .closeOnProtocolViolation(false)
                        .withUTF8Validator(false) // checked per whole message by the policy stage
                        .build())
                .build();
        // Netty's handshaker puts its frame encoder where the HTTP codec is: the batch goes in front of it
        p.addBefore(HttpProtocolServer.CODEC, BATCH, WebSocketBatching.newStage());
        p.addAfter(last, PROTOCOL, new WebSocketProtocolStage(config))
                .addAfter(PROTOCOL, AGGREGATOR, new WebSocketFrameAggregator(o.maxMessageBytes()))
                .addAfter(AGGREGATOR, POLICY, WebSocketFramePolicy.INSTANCE);
        endpoint.initChannel(router.channel(), request);
    }
}
