package io.tether.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.Channel;
import io.tether.api.ConnectionInfo;
import io.tether.core.auth.Authentication;
import io.tether.core.limits.Refusal;
import io.tether.core.session.RandomIds;
import io.tether.server.PeerAddress;
import io.tether.server.tls.TlsPeer;
import tools.jackson.core.io.JsonStringEncoder;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first request of an HTTP connection: routed by path to a {@link WebSocketEndpoint}
 * (an upgrade: Origin, subprotocol and then Netty's handshake) or to an {@link HttpResource}
 * (answered, then the connection closes), or refused (404 unknown path, 403 foreign origin or
 * a {@linkplain WebRoutes.Builder#policyResource policy-checked resource} the connection policy refuses,
 * 400 no subprotocol or an upgrade Netty would refuse, 426 an upgrade-only path or a WebSocket version
 * other than 13, 8 or 7, 405 another method). A connection without a
 * complete request within {@link HttpOptions#requestTimeout()} is closed. One per channel,
 * removed once the connection upgrades; confined to its event loop.
 */
final class HttpRouter extends ChannelInboundHandlerAdapter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);

    /** The {@code Sec-WebSocket-Version}s Netty's RFC 6455 handshakers take (13, and drafts 8 and 7). */
    private static final Set<String> SUPPORTED_VERSIONS = Set.of("13", "8", "7");

    private final HttpProtocolServer server;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean answered;

    HttpRouter(HttpProtocolServer server) {
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        timer = context.executor().schedule(this, server.options().requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancelTimer();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancelTimer();
        super.channelInactive(context);
    }

    /** The request timeout. */
    @Override
    public void run() {
        timer = null;
        if (!answered && ctx.channel().isActive()) {
            LOG.debug("closing {}: no complete request within {}", ctx.channel(), server.options().requestTimeout());
            answered = true;
            respond(HttpResponseStatus.REQUEST_TIMEOUT, "request timeout");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof FullHttpRequest request) || answered) {
            ReferenceCountUtil.release(msg); // after the answer nothing more is read
            return;
        }
        answered = true;
        cancelTimer();
        try {
            route(request);
        } finally {
            request.release();
        }
    }

    private void route(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            respond(HttpResponseStatus.BAD_REQUEST, "bad request");
            return;
        }
        String path = new QueryStringDecoder(request.uri()).rawPath();
        boolean upgrade = request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        WebRoutes.Route route = server.routes().match(path, upgrade);
        if (route == null || (upgrade ? route.endpoint == null : route.resource == null && route.endpoint == null)) {
            respond(HttpResponseStatus.NOT_FOUND, "not found");
        } else if (upgrade) {
            upgrade(request, path, route.endpoint);
        } else if (route.resource == null) {
            FullHttpResponse r = response(HttpResponseStatus.UPGRADE_REQUIRED, "WebSocket only");
            r.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
            send(r);
        } else if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            FullHttpResponse r = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
            r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            send(r);
        } else if (route.askPolicy) {
            String refusal = policyRefusal(path);
            if (refusal == null) {
                resource(request, route.resource);
            } else {
                forbidden(request, refusal);
            }
        } else {
            resource(request, route.resource);
        }
    }

    /** 403 with {@code {"error": reason}} (no body for HEAD). */
    private void forbidden(FullHttpRequest request, String reason) {
        String body = HttpMethod.HEAD.equals(request.method()) ? "" : "{\"error\":" + jsonString(reason) + "}\n";
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
                ByteBufUtil.writeUtf8(ctx.alloc(), body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        send(r);
    }

    /**
     * Asks the connection policy about this request (a policy-checked resource), as a
     * WebSocket client is asked at its upgrade: its remote address and its TLS client
     * certificate's principal. A refusal is counted as {@code connection_policy}.
     *
     * @return null when admitted, else the reason of the refusal
     */
    private String policyRefusal(String path) {
        Authentication authentication = server.authentication();
        if (authentication.acceptsAll()) {
            return null;
        }
        Channel ch = ctx.channel();
        SocketAddress peer = ch.remoteAddress();
        ConnectionInfo connection = PeerAddress.connection(RandomIds.uuid(), "http", peer);
        String refusal = authentication.admitRequest(connection,
                TlsPeer.principal(ch, server.options().tls().clientPrincipal()));
        if (refusal != null) {
            server.refusals().refuse(Refusal.CONNECTION_POLICY, "request for {} from {} refused by the policy: {}",
                    path, PeerAddress.ip(peer), refusal);
        }
        return refusal;
    }

    /** {@code text} as a JSON string literal (Jackson's escaping). */
    private static String jsonString(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, b);
        return b.append('"').toString();
    }

    private void upgrade(FullHttpRequest request, String path, WebSocketEndpoint endpoint) {
        String version = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION);
        if (version == null || !SUPPORTED_VERSIONS.contains(version)) {
            FullHttpResponse r = response(HttpResponseStatus.UPGRADE_REQUIRED, "WebSocket version 13 required");
            r.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
            send(r);
            return;
        }
        String invalid = invalidHandshake(request);
        if (invalid != null) {
            respond(HttpResponseStatus.BAD_REQUEST, invalid);
            return;
        }
        boolean secure = server.secure();
        if (!server.origins().allows(request.headers(), secure)) {
            LOG.info("refused a WebSocket upgrade from {} on listener {}: origin {} is not allowed",
                    PeerAddress.ip(ctx.channel().remoteAddress()), server.name(),
                    request.headers().get(HttpHeaderNames.ORIGIN));
            respond(HttpResponseStatus.FORBIDDEN, "origin not allowed");
            return;
        }
        String subprotocol = null;
        if (!endpoint.subprotocols().isEmpty()) {
            subprotocol = selectSubprotocol(request, endpoint);
            if (subprotocol == null) {
                respond(HttpResponseStatus.BAD_REQUEST, "subprotocol required: " + String.join(", ", endpoint.subprotocols()));
                return;
            }
        }
        WebSocketRequest ws = new WebSocketRequest(request.uri(), request.headers(), subprotocol, server.options(), secure);
        ctx.channel().config().setAllocator(server.webSocketAllocator(ctx.channel().config().getAllocator()));
        WebSocketStages.install(ctx, path, endpoint, ws);
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request.retain());
    }

    /**
     * Why Netty's handshake would refuse {@code request}, or null: it must be a GET with a
     * {@code Connection} token {@code Upgrade}, an {@code Upgrade: websocket} header and a key. The
     * router answers these itself (400) before it installs the WebSocket stages: a handshake that
     * fails inside Netty's stage answers 400 too, but then closes the connection through that
     * stage, which first writes a close frame to a connection that never upgraded (a frame object
     * where only bytes can go). Found by {@code WebSocketInboundFuzzTest}.
     */
    static String invalidHandshake(FullHttpRequest request) {
        HttpHeaders h = request.headers();
        if (!HttpMethod.GET.equals(request.method())) {
            return "a WebSocket upgrade must be a GET";
        }
        if (!h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            return "a WebSocket upgrade needs Connection: Upgrade";
        }
        if (!h.contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return "a WebSocket upgrade needs Upgrade: websocket";
        }
        if (h.get(HttpHeaderNames.SEC_WEBSOCKET_KEY) == null) {
            return "a WebSocket upgrade needs Sec-WebSocket-Key";
        }
        return null;
    }

    private static String selectSubprotocol(FullHttpRequest request, WebSocketEndpoint endpoint) {
        for (String header : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
            for (String offered : header.split(",")) {
                String p = offered.trim();
                if (endpoint.subprotocols().contains(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private void resource(FullHttpRequest request, HttpResource resource) {
        FullHttpResponse r;
        try {
            r = resource.respond(request, ctx.alloc());
        } catch (RuntimeException e) {
            LOG.warn("resource {} failed", request.uri(), e);
            r = response(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
        }
        if (HttpMethod.HEAD.equals(request.method())) {
            int length = r.content().readableBytes();
            FullHttpResponse head = new DefaultFullHttpResponse(r.protocolVersion(), r.status(), Unpooled.EMPTY_BUFFER,
                    r.headers().copy(), r.trailingHeaders());
            r.release();
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(head).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        send(r);
    }

    private void respond(HttpResponseStatus status, String text) {
        send(response(status, text));
    }

    private FullHttpResponse response(HttpResponseStatus status, String text) {
        ByteBuf body = ByteBufUtil.writeUtf8(ctx.alloc(), text + "\n");
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return r;
    }

    private void send(FullHttpResponse r) {
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("closing {}: {}", context.channel(), cause.toString());
        context.close();
    }
}
