package io.tether.server.http;

import io.netty.channel.Channel;
import java.util.List;

/**
 * A protocol served over WebSocket at a path of the {@link HttpProtocolServer}, registered with
 * {@link WebRoutes.Builder#webSocket}. The listener does the HTTP side: it checks the Origin,
 * the subprotocol and the caps, performs the handshake with Netty's WebSocket codec, answers
 * pings, handles close frames, aggregates continuation frames into whole messages (up to
 * {@link HttpOptions#maxMessageBytes()}), refuses binary frames (close 1003), pings an idle
 * client and closes with 1001 at shutdown. The endpoint only adds its own stages.
 *
 * <p>Inbound, the endpoint's first stage receives one {@link
 * io.netty.handler.codec.http.websocketx.TextWebSocketFrame} per message (reference-counted:
 * release it or pass it on); outbound it writes {@code WebSocketFrame}s. The endpoint's
 * connection handler should pass each message through an {@link io.tether.server.flow.OutboundFlow}
 * with {@link HttpOptions#maxOutboundBytes()}, like the TCP protocols, so that a client that
 * does not read stops the work it causes and is cut off at the cap.
 *
 * <pre>{@code
 * WebRoutes routes = WebRoutes.builder()
 *         .webSocket("/jstp", jstpServer.webSocketEndpoint())
 *         .webSocket("/primus", primusEndpoint)
 *         .resource("/", HttpResource.of("text/html; charset=utf-8", page))
 *         .build();
 * }</pre>
 *
 * Implementations are shared by every connection of the listener and must be thread-safe.
 */
public interface WebSocketEndpoint {
    /**
     * The subprotocols this endpoint speaks ({@code Sec-WebSocket-Protocol}); when not empty, an
     * upgrade that offers none of them is refused with 400. Default: none (nothing is selected).
     */
    default List<String> subprotocols() {
        return List.of();
    }

    /**
     * Adds the endpoint's stages at the tail of {@code channel}'s pipeline and starts them. Called
     * on the channel's event loop once the upgrade request passed the listener's checks, right
     * before the handshake response is written; the channel is already active, so a handler that
     * starts in {@code channelActive} must be started here instead.
     *
     * @param channel the upgrading connection
     * @param request the upgrade request (path, headers, selected subprotocol) and the listener's options
     */
    void initChannel(Channel channel, WebSocketRequest request);

    /**
     * Ends {@code channel} gracefully at the listener's shutdown when it is one of this endpoint's
     * connections, in the endpoint protocol's own way (e.g. Primus tells its client not to
     * reconnect), and returns true; the connection must then close by itself (after its close
     * frame, within the listener's close-frame timeout). Returns false when the channel is not
     * this endpoint's or it has no goodbye of its own: the listener then sends close 1001 (going
     * away) and closes. Called on the channel's event loop, once per endpoint until one returns
     * true. Default: false.
     */
    default boolean goingAway(Channel channel) {
        return false;
    }
}
