package io.tether.app.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.server.ChannelGroups;
import io.tether.server.ProtocolServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The admin HTTP listener ({@code /health}, {@code /metrics}) as one more listener of the
 * {@link io.tether.server.TetherServer}, sharing its event loops. Named {@code admin}.
 */
public final class AdminProtocolServer implements ProtocolServer {
    private final AdminOptions options;
    private final ChannelGroup channels = new DefaultChannelGroup("admin", GlobalEventExecutor.INSTANCE);
    private final ChannelInitializer<Channel> initializer;

    /** An admin listener answering from {@code metrics} and {@code ready}; work runs on {@code workers}. */
    public AdminProtocolServer(AdminOptions options, TetherMetrics metrics, BooleanSupplier ready,
                               ExecutorService workers) {
        this.options = options;
        this.initializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.add(ch);
                ch.pipeline().addLast("http", new HttpServerCodec(4096, 8192, 8192))
                        .addLast("aggregate", new HttpObjectAggregator(8192))
                        .addLast("admin", new AdminHttpHandler(metrics, ready, workers));
            }
        };
    }

    @Override
    public String name() {
        return "admin";
    }

    @Override
    public InetSocketAddress bindAddress() {
        return new InetSocketAddress(options.host(), options.port());
    }

    @Override
    public ChannelInitializer<Channel> initializer() {
        return initializer;
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> closed = ChannelGroups.allClosed(channels);
        channels.close();
        return closed;
    }
}
