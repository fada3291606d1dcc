package io.tether.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import java.net.InetSocketAddress;
import io.tether.server.tls.TlsContextProvider;
import java.util.Optional;
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

    /**
     * The listener's TLS contexts, empty for plain TCP; {@link TetherServer#reloadTls()}
     * reloads them.
     */
    default Optional<TlsContextProvider> tls() {
        return Optional.empty();
    }

    /** Sets up the pipeline of each accepted channel. */
    ChannelInitializer<Channel> initializer();

    /**
     * Called after the listener stopped accepting: says goodbye to idle connections, lets
     * busy ones drain within the protocol's own limit, then closes everything. Never blocks;
     * the future completes when every connection is closed. A TLS
     * listener also stops checking its certificate files.
     */
    CompletableFuture<Void> shutdown();
}
