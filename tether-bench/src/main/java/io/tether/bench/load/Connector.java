package io.tether.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens the connections of a run, in bounded batches, each with a {@link LoadHandler}.
 * Connection {@code i} binds to source address 127.0.0.(1 + i / portsPerAddress) so that
 * more connections than one address has ephemeral ports can be held.
 */
final class Connector {
    private static final int BATCH = 1000;
    private static final long CONNECT_TIMEOUT_MS = 30_000;

    private final LoadOptions options;
    private final Bootstrap bootstrap;
    private final Dialect dialect;
    private final LoadStats stats;
    private final CountDownLatch readyLatch;
    private final int firstIndex;
    private final int total;

    Connector(LoadOptions options, EventLoopGroup group, Transports transports, LoadStats stats, int count) {
        this(options, group, transports, stats, count, 0, count);
    }

    /**
     * A connector for connections {@code firstIndex … firstIndex + count − 1} of a run of
     * {@code total} (the index chooses the source address).
     */
    Connector(LoadOptions options, EventLoopGroup group, Transports transports, LoadStats stats, int count,
              int firstIndex, int total) {
        this.options = options;
        this.firstIndex = firstIndex;
        this.total = total;
        this.dialect = Dialect.of(options);
        this.stats = stats;
        this.readyLatch = new CountDownLatch(count);
        SslContext ssl = options.tls() ? clientSsl() : null;
        this.bootstrap = new Bootstrap().group(group).channel(transports.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), options.host(), options.port()));
                        }
                        LoadHandler load = new LoadHandler(dialect, stats, options.depth(), readyLatch);
                        if (options.webSocketPath() == null) {
                            ch.pipeline().addLast(load);
                        } else {
                            WebSocketFraming.addStages(ch.pipeline(), URI.create((ssl == null ? "ws://" : "wss://")
                                    + options.host() + ":" + options.port() + options.webSocketPath()),
                                    options.protocol() == Protocol.JSTP ? "metarhia-jstp" : null, dialect.maxFrameBytes(), dialect.terminator(), load);
                        }
                    }
                });
    }

    private static SslContext clientSsl() {
        try {
            return SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot create the TLS client context", e);
        }
    }

    /** Connects {@code count} channels; failed connects are counted as failures and skipped. */
    List<Channel> connect(int count) throws InterruptedException {
        List<Channel> channels = new ArrayList<>(count);
        for (int from = 0; from < count; from += BATCH) {
            List<ChannelFuture> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                batch.add(connectOne(firstIndex + i, total));
            }
            for (ChannelFuture f : batch) {
                if (f.await(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS) && f.isSuccess()) {
                    channels.add(f.channel());
                } else {
                    stats.failure("connect failed: " + f.cause());
                    readyLatch.countDown();
                }
            }
        }
        return channels;
    }

    private ChannelFuture connectOne(int index, int count) {
        InetSocketAddress remote = new InetSocketAddress(options.host(), options.port());
        if (count <= options.portsPerAddress()) {
            return bootstrap.connect(remote);
        }
        int address = 1 + index / options.portsPerAddress();
        if (address > 254) {
            throw new IllegalArgumentException("too many connections for the loopback source addresses");
        }
        return bootstrap.connect(remote, new InetSocketAddress("127.0.0." + address, 0));
    }

    /** Waits until every connection greeted (welcome line / handshake reply) or failed. */
    boolean awaitReady(long millis) throws InterruptedException {
        return readyLatch.await(millis, TimeUnit.MILLISECONDS);
    }

    long notReady() {
        return readyLatch.getCount();
    }

    /**
     * Idle mode: every connection makes {@code n} requests, one at a time; waits up to
     * {@code millis} for all answers and returns how many connections had not finished.
     */
    long callAll(List<Channel> channels, int n, long millis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(channels.size());
        for (Channel ch : channels) {
            LoadHandler h = ch.pipeline().get(LoadHandler.class);
            if (h == null) {
                done.countDown();
            } else {
                ch.eventLoop().execute(() -> h.calls(n, done));
            }
        }
        done.await(millis, TimeUnit.MILLISECONDS);
        return done.getCount();
    }

    /** Starts sending on every connection (each on its own event loop). */
    void startAll(List<Channel> channels) {
        for (Channel ch : channels) {
            LoadHandler h = ch.pipeline().get(LoadHandler.class);
            if (h != null) {
                ch.eventLoop().execute(h::fill);
            }
        }
    }
}
