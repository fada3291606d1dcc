package io.tether.app.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.ChannelGroups;
import io.tether.server.ProtocolServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The admin HTTP listener ({@code /health}, {@code /metrics}) as one more listener of the
 * {@link io.tether.server.TetherServer}, sharing its event loops. Named {@code admin}. Bounded:
 * a request line over 4 KiB is answered 414, headers over 8 KiB 431, and every connection is
 * closed at its {@link AdminOptions#requestTimeout() request timeout}.
 */
public final class AdminProtocolServer implements ProtocolServer {
    /** Longest request line (method, URI, version); longer ones are answered 414. */
    static final int MAX_REQUEST_LINE_BYTES = 4096;
    /** Largest header block; larger ones are answered 431. */
    static final int MAX_HEADER_BYTES = 8192;

    private final AdminOptions options;
    private final ChannelGroup channels = new DefaultChannelGroup("admin", GlobalEventExecutor.INSTANCE);
    private final ChannelInitializer<Channel> initializer;

    /**
     * An admin listener answering from {@code metrics} and {@code ready}; work runs on
     * {@code workers}; oversized requests ({@link Refusal#MESSAGE_TOO_LARGE}) and connections
     * cut at the request timeout ({@link Refusal#IDLE_TIMEOUT}) are counted in {@code refusals}.
     */
    public AdminProtocolServer(AdminOptions options, TetherMetrics metrics, BooleanSupplier ready,
                               ExecutorService workers, Refusals refusals) {
        this.options = options;
        this.initializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                channels.add(ch);
                closeAfter(ch, options.requestTimeout(), refusals);
                ch.pipeline().addLast("http", new HttpServerCodec(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 8192))
                        .addLast("aggregate", new HttpObjectAggregator(8192))
                        .addLast("admin", new AdminHttpHandler(metrics, ready, workers, refusals));
            }
        };
    }

    /**
     * One request per connection: the connection is closed at the deadline whatever it sent, so
     * neither a silent client nor one dripping its request a byte at a time holds it longer.
     */
    private static void closeAfter(Channel ch, Duration timeout, Refusals refusals) {
        if (timeout.isZero()) {
            return;
        }
        ScheduledFuture<?> deadline = ch.eventLoop().schedule(() -> {
            if (ch.isActive()) {
                refusals.count(Refusal.IDLE_TIMEOUT);
            }
            ch.close();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ch.closeFuture().addListener(f -> deadline.cancel(false));
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
