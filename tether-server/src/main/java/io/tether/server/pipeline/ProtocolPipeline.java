package io.tether.server.pipeline;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.outbound.WireWriter;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.tls.TlsContextProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The pipeline every protocol listener gives its accepted channels, built from the stages all
 * protocols share plus the few a protocol states. In order:
 * <ol>
 *   <li>{@link ConnectionGuard#admit admission} (a refused channel is closed before anything
 *       else) and registration in the listener's {@link ChannelGroup};</li>
 *   <li>{@value #TLS} (when a {@link TlsContextProvider} is given: its current context, so a
 *       reloaded certificate serves the next connection; with the guard's bounded handshake timeout)
 *       and {@value #IDLE} (when the guard's idle timeout is on);</li>
 *   <li>the protocol's own stages before framing, if any (the socket protocol's break
 *       detector);</li>
 *   <li>{@value #FRAMING} (the protocol's frame decoder with its hard cap, one per channel) and
 *       {@value #DECODER} (its sharable decoder from frame to sealed message records);</li>
 *   <li>{@value #ENCODER}, a {@link CoalescingEncoder} over the protocol's shared
 *       {@link WireWriter}, and {@value #FLUSH}, the flush consolidation on its tail side: the
 *       replies to one read leave as one buffer in one {@code write(2)};</li>
 *   <li>{@value #HANDLER}, the protocol's connection handler (one per channel), which applies
 *       the connection's {@link io.tether.server.flow.OutboundFlow}.</li>
 * </ol>
 * A transport adapter therefore names only its framing, decoder, wire writer and handler:
 *
 * <pre>{@code
 * ProtocolPipeline pipeline = ProtocolPipeline.builder(guard, channels)
 *         .tls(tlsContextProviderOrNull)
 *         .framing(() -> new JstpFrameDecoder(16 * 1024, 8 << 20))
 *         .decoder(new JstpMessageDecoder(messages))
 *         .encoder(new JstpWireWriter())
 *         .handler(() -> new MyConnectionHandler(services))
 *         .build();
 * // ProtocolServer.initializer() returns it
 * }</pre>
 *
 * Immutable and sharable: one per listener, used by every accepted channel.
 */
@ChannelHandler.Sharable
public final class ProtocolPipeline extends ChannelInitializer<Channel> {
    /** Name of the TLS stage. */
    public static final String TLS = "tls";
    /** Name of the idle-timeout stage. */
    public static final String IDLE = "idle";
    /** Name of the framing stage. */
    public static final String FRAMING = "framing";
    /** Name of the message decoder stage. */
    public static final String DECODER = "decoder";
    /** Name of the coalescing encoder stage (a stage the protocol adds later goes before it). */
    public static final String ENCODER = "encoder";
    /** Name of the flush consolidation stage. */
    public static final String FLUSH = "flush";
    /** Name of the connection handler stage. */
    public static final String HANDLER = "handler";
    /** Flushes merged into one write at most, while a read is in progress. */
    static final int FLUSHES_PER_SYSCALL = 256;

    private final ConnectionGuard guard;
    private final ChannelGroup channels;
    private final TlsContextProvider tls;
    private final List<Stage> beforeFraming;
    private final Supplier<? extends ChannelHandler> framing;
    private final ChannelHandler decoder;
    private final WireWriter wire;
    private final Supplier<? extends ChannelHandler> handler;

    private ProtocolPipeline(Builder b) {
        this.guard = Objects.requireNonNull(b.guard, "guard");
        this.channels = Objects.requireNonNull(b.channels, "channels");
        this.tls = b.tls;
        this.beforeFraming = List.copyOf(b.beforeFraming);
        this.framing = Objects.requireNonNull(b.framing, "framing");
        this.decoder = requireSharable(Objects.requireNonNull(b.decoder, "decoder"), "decoder");
        this.wire = Objects.requireNonNull(b.wire, "encoder");
        this.handler = Objects.requireNonNull(b.handler, "handler");
    }

    /** A builder for a listener whose connections {@code guard} admits and {@code channels} holds. */
    public static Builder builder(ConnectionGuard guard, ChannelGroup channels) {
        return new Builder(guard, channels);
    }

    /** Whether the channels get a TLS stage. */
    public boolean tls() {
        return tls != null;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (!guard.admit(ch)) {
            return; // refused at accept: closed before any TLS or protocol handshake
        }
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            guard.addTls(p, tls.current());
        }
        // plain TCP has no handshake to time out: a client that never sends is the idle timeout's
        guard.addIdleTimeout(p);
        for (int i = 0; i < beforeFraming.size(); i++) { // indexed: no iterator per channel
            Stage s = beforeFraming.get(i);
            p.addLast(s.name(), s.handler());
        }
        p.addLast(FRAMING, framing.get())
                .addLast(DECODER, decoder)
                // the replies produced during one read leave as one buffer in one syscall: the
                // consolidator lets their flushes through as one, the encoder batches until then
                .addLast(ENCODER, new CoalescingEncoder(wire))
                .addLast(FLUSH, new FlushConsolidationHandler(FLUSHES_PER_SYSCALL, true))
                .addLast(HANDLER, handler.get());
    }

    private static ChannelHandler requireSharable(ChannelHandler h, String what) {
        boolean sharable = h instanceof ChannelHandlerAdapter a ? a.isSharable()
                : h.getClass().isAnnotationPresent(ChannelHandler.Sharable.class);
        if (!sharable) {
            throw new IllegalArgumentException("the " + what + " is shared by every channel and must be @Sharable: " + h);
        }
        return h;
    }

    private record Stage(String name, ChannelHandler handler) {
    }

    /** Builder for {@link ProtocolPipeline}; framing, decoder, encoder and handler are required. */
    public static final class Builder {
        private final ConnectionGuard guard;
        private final ChannelGroup channels;
        private final List<Stage> beforeFraming = new ArrayList<>(1);
        private TlsContextProvider tls;
        private Supplier<? extends ChannelHandler> framing;
        private ChannelHandler decoder;
        private WireWriter wire;
        private Supplier<? extends ChannelHandler> handler;

        private Builder(ConnectionGuard guard, ChannelGroup channels) {
            this.guard = guard;
            this.channels = channels;
        }

        /**
         * The TLS contexts of the listener, or {@code null} (the default) for plain TCP; each
         * accepted channel gets the provider's current context.
         */
        public Builder tls(TlsContextProvider contexts) {
            this.tls = contexts;
            return this;
        }

        /** Adds a sharable inbound stage right before the framing (stages keep their order). */
        public Builder beforeFraming(String name, ChannelHandler sharable) {
            beforeFraming.add(new Stage(Objects.requireNonNull(name, "name"), requireSharable(sharable, name)));
            return this;
        }

        /** Makes the frame decoder of each channel (it holds the channel's partial frame). */
        public Builder framing(Supplier<? extends ChannelHandler> perChannel) {
            this.framing = perChannel;
            return this;
        }

        /** The decoder from frame to message, shared by every channel (must be {@code @Sharable}). */
        public Builder decoder(ChannelHandler sharable) {
            this.decoder = sharable;
            return this;
        }

        /** The wire writer of the listener's coalescing encoders (shared, thread-safe). */
        public Builder encoder(WireWriter writer) {
            this.wire = writer;
            return this;
        }

        /** Makes the connection handler of each channel. */
        public Builder handler(Supplier<? extends ChannelHandler> perChannel) {
            this.handler = perChannel;
            return this;
        }

        /** The pipeline; throws if a required stage is missing or a shared one is not sharable. */
        public ProtocolPipeline build() {
            return new ProtocolPipeline(this);
        }
    }
}
