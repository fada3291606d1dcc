package io.tether.server.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.core.TetherCore;
import io.tether.server.ChannelGroups;
import io.tether.server.ProtocolServer;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.tls.TlsContextFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The ActionHero socket protocol listener (plain TCP or TLS): newline-delimited requests,
 * one JSON message per CRLF-terminated reply line. TLS is set up at construction, so bad
 * certificate files fail at startup with a message naming the file.
 *
 * <pre>{@code
 * TetherServer server = TetherServer.builder(core)
 *         .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().port(5000).build()))
 *         .build().start();
 * }</pre>
 */
public final class SocketProtocolServer implements ProtocolServer {
    private final SocketOptions options;
    private final ChannelGroup channels;
    private final SocketChannelInitializer initializer;

    /** A listener serving {@code core} with {@code options}. */
    public SocketProtocolServer(TetherCore core, SocketOptions options) {
        this.options = options;
        SslContext ssl = TlsContextFactory.serverContext(options.tls());
        this.channels = new DefaultChannelGroup(options.name(), GlobalEventExecutor.INSTANCE);
        this.initializer = new SocketChannelInitializer(SocketServices.of(core, options), ssl, channels,
                new ConnectionGuard(options.name(), options.connectionLimits(), core.refusals()));
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
    public boolean keepAlive() {
        return options.keepAlive();
    }

    @Override
    public ChannelInitializer<Channel> initializer() {
        return initializer;
    }

    /** Open connections right now (a live gauge). */
    public int connectionCount() {
        return channels.size();
    }

    /**
     * Idle connections get Bye and are closed at once; busy ones get their pending replies,
     * then Bye, or Bye after {@code pendingShutdownWaitLimit}. Completes when all are closed.
     */
    @Override
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> allClosed = ChannelGroups.allClosed(channels);
        for (Channel ch : channels) {
            SocketConnectionHandler handler = ch.pipeline().get(SocketConnectionHandler.class);
            if (handler == null || !ch.isActive()) {
                ch.close();
            } else {
                handler.drain(ch, options.pendingShutdownWaitLimit());
            }
        }
        return allClosed;
    }
}
