package io.tether.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * One protocol's listener as the {@link TetherServer} drives it: where to bind, how to set
 * up each accepted channel, and how to drain its connections on shutdown.
 */
public interface ProtocolServer {
    /** Short name for logs: {@code socket}, {@code socket-tls}, {@code jstp}, ... */
    String name();

    /** Address to bind; port 0 picks a free port. */
    InetSocketAddress bindAddress();

    /** Whether accepted sockets get SO_KEEPALIVE. */
    default boolean keepAlive() {
        return false;
    }

    /** Sets up the pipeline of each accepted channel. */
    ChannelInitializer<Channel> initializer();

    /**
     * Called after the listener stopped accepting: says goodbye to idle connections, lets
     * busy ones drain within the protocol's own limit, then closes everything. Never blocks;
     * the future completes when every connection is closed.
     */
    CompletableFuture<Void> shutdown();
}
