package io.tether.server.jstp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.tether.codec.jstp.JstpMessages;
import io.tether.server.http.WebSocketEndpoint;
import io.tether.server.http.WebSocketRequest;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.pipeline.ProtocolPipeline;
import java.util.List;
import java.util.function.Supplier;

/**
 * JSTP over WebSocket as {@code @metarhia/jstp} does it: subprotocol {@value #SUBPROTOCOL}, one
 * JSTP message per text frame. The connection runs the same {@link JstpServerHandler} with the
 * same services as the TCP listener (applications, handshake, dispatcher, session store), so a
 * session opened over one transport restores over the other. Its stages after the listener's:
 * {@code framing} ({@link JstpWebSocketFrames}), {@code decoder} (the listener's shared
 * {@link io.tether.codec.jstp.JstpMessageDecoder}), {@code encoder} ({@link JstpWebSocketEncoder}),
 * {@code flush} and {@code handler}.
 */
final class JstpWebSocketEndpoint implements WebSocketEndpoint {
    /** The subprotocol of {@code @metarhia/jstp}'s WebSocket transport. */
    static final String SUBPROTOCOL = "metarhia-jstp";

    private final JstpServices services;
    private final MessageToMessageDecoder<?> decoder;
    private final JstpWebSocketEncoder encoder;
    private final Supplier<JstpServerHandler> handlers;
    private final ChannelGroup channels;

    JstpWebSocketEndpoint(JstpServices services, MessageToMessageDecoder<?> decoder, JstpMessages messages,
                          JstpHandshake handshake, JstpDispatcher dispatcher, ConnectionGuard guard,
                          ChannelGroup channels) {
        this.services = services;
        this.decoder = decoder;
        this.encoder = new JstpWebSocketEncoder(messages);
        this.handlers = () -> new JstpServerHandler(services, handshake, dispatcher, guard);
        this.channels = channels;
    }

    @Override
    public List<String> subprotocols() {
        return List.of(SUBPROTOCOL);
    }

    @Override
    public void initChannel(Channel channel, WebSocketRequest request) {
        channels.add(channel);
        JstpOptions o = services.options();
        int messageCap = Math.min(o.maxMessageBytes(), request.options().maxMessageBytes());
        JstpServerHandler handler = handlers.get();
        // the flush stage sits before the decoders: it holds the handler's writes (and a close after
        // them) until the read is over, and flushes them on any exception passing through it, so a
        // decoder error in the same read must not pass it on its way to the handler: the close would
        // run before the handler saw the error
        channel.pipeline()
                .addLast(ProtocolPipeline.FLUSH, new FlushConsolidationHandler(256, true))
                .addLast(ProtocolPipeline.FRAMING, new JstpWebSocketFrames(o.effectiveMaxHandshakeBytes(), messageCap))
                .addLast(ProtocolPipeline.DECODER, decoder)
                .addLast(ProtocolPipeline.ENCODER, encoder)
                .addLast(ProtocolPipeline.HANDLER, handler);
        ChannelHandlerContext ctx = channel.pipeline().context(handler);
        handler.start(ctx, request.options().maxOutboundBytes());
    }
}
