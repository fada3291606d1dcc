package io.tether.server.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.codec.socket.BreakCharacterDetector;
import io.tether.codec.socket.SocketFraming;
import io.tether.codec.socket.SocketLineDecoder;
import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.core.TetherCore;
import io.tether.server.ChannelGroups;
import io.tether.server.ProtocolServer;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.pipeline.ProtocolPipeline;
import io.tether.server.tls.TlsContextProvider;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ActionHero socket protocol listener (plain TCP or TLS): newline-delimited requests,
 * one JSON message per CRLF-terminated reply line. TLS is set up at construction, so bad
 * certificate files fail at startup with a message naming the file. Each accepted channel
 * gets the shared {@link ProtocolPipeline} with the protocol's own stages: the break detector
 * (Ctrl-C/Ctrl-D) before the line framing (CR, LF or the configured delimiter, capped at
 * {@code maxLineBytes}), the line decoder into {@link io.tether.codec.socket.SocketRequest}s,
 * the socket wire writer and the {@link SocketConnectionHandler}. A connection's first
 * {@code file} adds a chunked-file stage before the encoder.
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
    private final ProtocolPipeline pipeline;
    private final TlsContextProvider tls;

    /** A listener serving {@code core} with {@code options}. */
    public SocketProtocolServer(TetherCore core, SocketOptions options) {
        this.options = options;
        this.channels = new DefaultChannelGroup(options.name(), GlobalEventExecutor.INSTANCE);
        SocketServices services = SocketServices.of(core, options);
        StickyParamsPolicy stickyPolicy = new StickyParamsPolicy(options.stickyParams(), core.refusals());
        this.tls = TlsContextProvider.create(options.name(), options.tls());
        this.pipeline = ProtocolPipeline.builder(
                        new ConnectionGuard(options.name(), options.connectionLimits(), core.refusals()), channels)
                .tls(tls)
                .beforeFraming("break", new BreakCharacterDetector())
                .framing(SocketFraming.frameDecoders(options.delimiter(), options.maxLineBytes()))
                .decoder(new SocketLineDecoder(options.maxDataLength(),
                        new SocketRequestClassifier(options.maxJsonTokens())))
                .encoder(services.wire())
                .handler(() -> new SocketConnectionHandler(services, stickyPolicy))
                .build();
        if (tls != null) {
            tls.watch(core.timer(), core.workers());
        }
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
    public Optional<TlsContextProvider> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public ChannelInitializer<Channel> initializer() {
        return pipeline;
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
        if (tls != null) {
            tls.close();
        }
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
