package io.tether.server.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.socket.BreakCharacterDetector;
import io.tether.codec.socket.SocketFraming;
import io.tether.codec.socket.SocketLineDecoder;
import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.server.limits.ConnectionGuard;
import java.util.function.Supplier;

/**
 * Assembles each accepted channel's pipeline from small single-role stages:
 * connection limits (a refused channel is closed before anything else) → TLS (bounded
 * handshake) → idle timeout → break detector → framing (hard cap) → line decoder → coalescing message encoder →
 * flush consolidation → connection handler (which also owns flow control). A connection's
 * first {@code file} adds a chunked-file stage before the encoder.
 * Registers the channel in the listener's {@link ChannelGroup}.
 */
final class SocketChannelInitializer extends ChannelInitializer<Channel> {
    /** Name of the encoder stage (the chunked-file stage goes before it). */
    static final String ENCODER = "encoder";
    /** Flushes merged into one write at most, while a read is in progress. */
    private static final int FLUSHES_PER_SYSCALL = 256;

    private final SocketServices services;
    private final SslContext sslContext;
    private final ChannelGroup channels;
    private final ConnectionGuard guard;
    private final StickyParamsPolicy stickyPolicy;
    private final BreakCharacterDetector breakDetector = new BreakCharacterDetector();
    private final SocketLineDecoder lineDecoder;
    private final Supplier<ByteToMessageDecoder> framing;

    SocketChannelInitializer(SocketServices services, SslContext sslContext, ChannelGroup channels,
                             ConnectionGuard guard) {
        this.services = services;
        this.sslContext = sslContext;
        this.channels = channels;
        this.guard = guard;
        this.stickyPolicy = new StickyParamsPolicy(services.options().stickyParams(), services.core().refusals());
        this.lineDecoder = new SocketLineDecoder(services.options().maxDataLength(), new SocketRequestClassifier(services.options().maxJsonTokens()));
        this.framing = SocketFraming.frameDecoders(services.options().delimiter(), services.options().maxLineBytes());
    }

    @Override
    protected void initChannel(Channel ch) {
        if (!guard.admit(ch)) {
            return;
        }
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (sslContext != null) {
            guard.addTls(p, sslContext);
        }
        // no handshake to time out on plain TCP: a client that never sends is the idle timeout's
        guard.addIdleTimeout(p);
        p.addLast("break", breakDetector)
                .addLast("framing", framing.get())
                .addLast("lines", lineDecoder)
                // replies to the lines of one read leave as one buffer in one syscall: the
                // consolidator lets their flushes through as one, the encoder batches until then
                .addLast(ENCODER, new CoalescingEncoder(services.wire()))
                .addLast("flush", new FlushConsolidationHandler(FLUSHES_PER_SYSCALL, true))
                .addLast("handler", new SocketConnectionHandler(services, stickyPolicy));
    }
}
