package io.tether.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.tether.client.ConnectionLostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Opens TCP/TLS channels for one client, always on the same event loop so that all of the
 * client's state is confined to one thread across reconnects. Owns its event loop group
 * unless one was supplied.
 */
public final class ClientTransport implements AutoCloseable {
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final EventLoop loop;

    public ClientTransport(String name, EventLoopGroup shared) {
        this.ownsGroup = shared == null;
        this.group = shared != null ? shared
                : new MultiThreadIoEventLoopGroup(1, (ThreadFactory) task -> ioThread(task, name + "-io-0"),
                        NioIoHandler.newFactory());
        this.loop = group.next();
    }

    /** A daemon Netty thread: Netty keeps its per-thread caches only on a {@link FastThreadLocalThread}. */
    private static Thread ioThread(Runnable task, String name) {
        Thread t = new FastThreadLocalThread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** The loop every channel of this client is registered on. */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Connects; the future completes with the channel once TCP (and TLS, if configured) is
     * established, or fails with {@link ConnectionLostException}.
     */
    public CompletableFuture<Channel> connect(String host, int port, SslContext ssl, Duration timeout,
                                              Consumer<ChannelPipeline> protocol) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                        }
                        protocol.accept(ch.pipeline());
                    }
                });
        b.connect(host, port).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(new ConnectionLostException("cannot connect to " + host + ":" + port
                        + ": " + f.cause().getMessage(), f.cause()));
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            SslHandler tls = ch.pipeline().get(SslHandler.class);
            if (tls == null) {
                result.complete(ch);
                return;
            }
            tls.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    result.complete(ch);
                } else {
                    ch.close();
                    result.completeExceptionally(new ConnectionLostException("TLS handshake with " + host + ":" + port
                            + " failed: " + h.cause().getMessage(), h.cause()));
                }
            });
        });
        return result;
    }

    @Override
    public void close() {
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
