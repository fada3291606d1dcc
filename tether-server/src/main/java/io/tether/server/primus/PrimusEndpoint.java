package io.tether.server.primus;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.core.TetherCore;
import io.tether.server.ChannelGroups;
import io.tether.server.EventLoops;
import java.util.concurrent.CompletableFuture;

/**
 * ActionHero's websocket protocol (Primus, {@code websockets} transformer, JSON parser) as a
 * WebSocket endpoint of the HTTP listener, so that actionhero's own browser client
 * {@code ActionheroWebsocketClient} works unchanged: the same actions and rooms as the socket
 * protocol and JSTP. The listener upgrades requests for {@link #path()} and puts
 * {@link #newConnectionHandler()} after its WebSocket stages; the connection starts when the
 * handshake completes.
 *
 * <pre>{@code
 * PrimusEndpoint primus = new PrimusEndpoint(core, PrimusOptions.defaults());
 * // in the WebSocket pipeline for "/primus": pipeline.addLast("primus", primus.newConnectionHandler());
 * }</pre>
 */
public final class PrimusEndpoint {
    private final PrimusOptions options;
    private final ChannelGroup channels = new DefaultChannelGroup("primus", GlobalEventExecutor.INSTANCE);
    private final PrimusServices services;

    /** An endpoint serving {@code core} with {@code options}. */
    public PrimusEndpoint(TetherCore core, PrimusOptions options) {
        this.options = options;
        this.services = PrimusServices.of(core, options, channels);
    }

    /** The options. */
    public PrimusOptions options() {
        return options;
    }

    /** The WebSocket path ({@code /primus} by default). */
    public String path() {
        return options.path();
    }

    /** A new handler for one upgraded connection (not sharable). */
    public ChannelHandler newConnectionHandler() {
        return new PrimusConnectionHandler(services);
    }

    /** Open Primus connections right now (a live gauge). */
    public int connectionCount() {
        return channels.size();
    }

    /**
     * Ends every connection: {@code "primus::server::close"} (the client does not reconnect),
     * then a 1001 close. Completes when all are closed.
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
