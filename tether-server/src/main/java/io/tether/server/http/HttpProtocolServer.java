package io.tether.server.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.core.TetherCore;
import io.tether.core.auth.Authentication;
import io.tether.server.ChannelGroups;
import io.tether.server.EventLoops;
import io.tether.server.ProtocolServer;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.limits.RefusalLog;
import io.tether.server.tls.TlsContextProvider;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener of a {@link io.tether.server.TetherServer}: upgrades requests to WebSocket
 * for the endpoints of its {@link WebRoutes} and answers GETs of its resources, over plain TCP
 * or TLS ({@code ws:}/{@code wss:}). Each accepted channel gets the shared admission
 * ({@link ConnectionGuard}), TLS and idle stages of every listener, then Netty's HTTP codec with
 * a small request cap and the {@link HttpRouter}; an upgrade replaces them with Netty's WebSocket
 * codec, the listener's {@linkplain WebSocketStages WebSocket stages} and the endpoint's own.
 * At shutdown every WebSocket is ended by its endpoint ({@link WebSocketEndpoint#goingAway}) or
 * closed with 1001 (going away).
 *
 * <pre>{@code
 * JstpProtocolServer jstp = new JstpProtocolServer(core, JstpOptions.defaults());
 * HttpProtocolServer http = new HttpProtocolServer(core, HttpOptions.defaults(),
 *         WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint()).build());
 * TetherServer server = TetherServer.builder(core).protocol(jstp).protocol(http).build().start();
 * }</pre>
 */
public final class HttpProtocolServer implements ProtocolServer {
    /** Name of the HTTP codec stage. */
    static final String CODEC = "http";
    /** Name of the HTTP request aggregator stage. */
    static final String AGGREGATOR = "http-aggregator";
    /** Name of the router stage. */
    static final String ROUTER = "router";
    private static final int MAX_INITIAL_LINE = 4096;

    private final HttpOptions options;
    private final WebRoutes routes;
    private final OriginPolicy origins;
    private final ConnectionGuard guard;
    private final TlsContextProvider tls; // null without TLS
    private final Authentication authentication; // asked for policy-checked resources
    private final RefusalLog refusals;
    private final ChannelGroup channels = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    private final Initializer initializer = new Initializer();
    private volatile HeapFirstAllocator webSocketAllocator; // made at the first upgrade

    /** A listener over {@code core} serving {@code routes}. */
    public HttpProtocolServer(TetherCore core, HttpOptions options, WebRoutes routes) {
        this.options = options;
        this.routes = routes;
        this.origins = new OriginPolicy(options.allowedOrigins());
        this.guard = new ConnectionGuard(options.name(), options.connectionLimits(), core.refusals());
        this.tls = TlsContextProvider.create(options.name(), options.tls());
        this.authentication = core.authentication();
        this.refusals = new RefusalLog(core.refusals(), LoggerFactory.getLogger(HttpRouter.class));
    }

    @Override
    public String name() {
        return options.name();
    }

    @Override
    public InetSocketAddress bindAddress() {
        return new InetSocketAddress(options.host(), options.port());
    }

    @Override
    public ChannelInitializer<Channel> initializer() {
        return initializer;
    }

    /** The listener's options. */
    public HttpOptions options() {
        return options;
    }

    /** The route table. */
    public WebRoutes routes() {
        return routes;
    }

    /** Open connections (HTTP and WebSocket). */
    public int connectionCount() {
        return channels.size();
    }

    @Override
    public Optional<TlsContextProvider> tls() {
        return Optional.ofNullable(tls);
    }

    boolean secure() {
        return tls != null;
    }

    OriginPolicy origins() {
        return origins;
    }

    /** The core's connection-time authentication, for policy-checked resources. */
    Authentication authentication() {
        return authentication;
    }

    /** Where refusals of policy-checked resources are counted and logged. */
    RefusalLog refusals() {
        return refusals;
    }

    /**
     * The allocator of an upgraded connection: {@code channelAllocator} with heap buffers where
     * either kind would do ({@link HeapFirstAllocator}); one per listener, made at the first upgrade.
     */
    ByteBufAllocator webSocketAllocator(ByteBufAllocator channelAllocator) {
        if (channelAllocator instanceof HeapFirstAllocator) {
            return channelAllocator;
        }
        HeapFirstAllocator a = webSocketAllocator;
        if (a == null || a.pooled() != channelAllocator) {
            a = new HeapFirstAllocator(channelAllocator); // a race makes two equal ones: harmless
            webSocketAllocator = a;
        }
        return a;
    }

    /**
     * Closes every connection: each WebSocket as its endpoint ends it ({@link
     * WebSocketEndpoint#goingAway}, e.g. Primus' {@code "primus::server::close"} then 1001) or
     * else with a close frame 1001 (going away), plain HTTP ones at once. Never blocks; completes
     * when all are closed.
     */
    @Override
    public CompletableFuture<Void> shutdown() {
        if (tls != null) {
            tls.close(); // stops the certificate watch
        }
        CompletableFuture<Void> allClosed = ChannelGroups.allClosed(channels);
        for (Channel ch : channels) {
            EventLoops.later(ch, () -> {
                if (ch.pipeline().get(WebSocketStages.PROTOCOL) != null && ch.isActive()) {
                    if (endedByEndpoint(ch)) {
                        return;
                    }
                    ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
                            .addListener(ChannelFutureListener.CLOSE);
                } else {
                    ch.close();
                }
            });
        }
        return allClosed;
    }

    private boolean endedByEndpoint(Channel ch) {
        for (WebSocketEndpoint endpoint : routes.endpoints()) {
            if (endpoint.goingAway(ch)) {
                return true;
            }
        }
        return false;
    }

    @ChannelHandler.Sharable
    private final class Initializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel ch) {
            if (!guard.admit(ch)) {
                return;
            }
            channels.add(ch);
            ChannelPipeline p = ch.pipeline();
            if (tls != null) {
                guard.addTls(p, tls.current());
            }
            guard.addIdleTimeout(p);
            p.addLast(CODEC, new HttpServerCodec(MAX_INITIAL_LINE, options.maxRequestBytes(), 8192))
                    .addLast(AGGREGATOR, new HttpObjectAggregator(options.maxRequestBytes()))
                    .addLast(ROUTER, new HttpRouter(HttpProtocolServer.this));
        }
    }
}
