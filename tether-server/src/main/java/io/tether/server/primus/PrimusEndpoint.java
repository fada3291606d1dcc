package io.tether.server.primus;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.server.ChannelGroups;
import io.tether.server.EventLoops;
import io.tether.server.http.HttpResource;
import io.tether.server.http.WebRoutes;
import io.tether.server.http.WebSocketEndpoint;
import io.tether.server.http.WebSocketRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * ActionHero's websocket protocol (Primus, {@code websockets} transformer, JSON parser) as a
 * WebSocket endpoint of the {@link io.tether.server.http.HttpProtocolServer}, so that
 * actionhero's own browser client {@code ActionheroWebsocketClient} works unchanged: the same
 * actions and rooms as the socket protocol and JSTP. {@link #addTo} registers the endpoint at
 * {@link PrimusOptions#path()} (and below it, as Primus clients add a query) and, when
 * {@link PrimusOptions#clientScript()} is set, the client script at
 * {@link PrimusOptions#clientScriptPath()} (read once, here: a missing file fails at startup).
 *
 * <pre>{@code
 * PrimusEndpoint primus = new PrimusEndpoint(core, PrimusOptions.defaults().toBuilder()
 *         .clientScript(Path.of("target/ActionheroWebsocketClient.js")).build());
 * WebRoutes routes = primus.addTo(WebRoutes.builder()).build();
 * HttpProtocolServer http = new HttpProtocolServer(core, HttpOptions.defaults(), routes);
 * }</pre>
 *
 * Thread-safe: one instance serves every connection of the listener.
 */
public final class PrimusEndpoint implements WebSocketEndpoint {
    private final PrimusOptions options;
    private final ChannelGroup channels = new DefaultChannelGroup("primus", GlobalEventExecutor.INSTANCE);
    private final PrimusServices services;
    private final HttpResource clientScript;

    /**
     * An endpoint serving {@code core} with {@code options}.
     *
     * @throws TetherException {@code CONFIGURATION_ERROR} when the client script cannot be read
     */
    public PrimusEndpoint(TetherCore core, PrimusOptions options) {
        this.options = options;
        this.services = PrimusServices.of(core, options, channels);
        this.clientScript = options.clientScript() == null ? null : readScript(options.clientScript());
    }

    private static HttpResource readScript(Path file) {
        try {
            return HttpResource.of("application/javascript; charset=utf-8", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot read the ActionHero client script " + file
                    + " (" + e + "); render it with tether-interop/web/build-client.js");
        }
    }

    /** Registers this endpoint, and the client script when configured, in {@code routes}. */
    public WebRoutes.Builder addTo(WebRoutes.Builder routes) {
        routes.webSocket(options.path() + "/*", this);
        if (clientScript != null) {
            routes.resource(options.clientScriptPath(), clientScript);
        }
        return routes;
    }

    /** The options. */
    public PrimusOptions options() {
        return options;
    }

    /**
     * Adds the Primus connection handler behind a flush consolidation (the replies of one read
     * leave in one flush); it starts when the handshake completes.
     */
    @Override
    public void initChannel(Channel channel, WebSocketRequest request) {
        channel.pipeline().addLast("flush", new FlushConsolidationHandler(256, true)).addLast("primus", new PrimusConnectionHandler(services, request.options().maxOutboundBytes(),
                request.options().tls().clientPrincipal()));
    }

    /**
     * The listener's shutdown ends a Primus connection as a Primus server does ({@code
     * spark.end()}): {@code "primus::server::close"}, so the client ends instead of reconnecting,
     * then a close frame 1001.
     */
    @Override
    public boolean goingAway(Channel channel) {
        PrimusConnectionHandler handler = channel.pipeline().get(PrimusConnectionHandler.class);
        if (handler == null) {
            return false;
        }
        handler.end();
        return true;
    }

    /** Open Primus connections right now (a live gauge). */
    public int connectionCount() {
        return channels.size();
    }

    /**
     * Ends every connection now, without stopping the listener: {@code "primus::server::close"}
     * (the client does not reconnect), then a 1001 close. Completes when all are closed. The
     * listener's own shutdown ends them the same way ({@link #goingAway}).
     */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> allClosed = ChannelGroups.allClosed(channels);
        for (Channel ch : channels) {
            PrimusConnectionHandler handler = ch.pipeline().get(PrimusConnectionHandler.class);
            if (handler == null || !EventLoops.run(ch, handler::end)) {
                ch.close();
            }
        }
        return allClosed;
    }
}
