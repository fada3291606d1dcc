package io.tether.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessageDecoder;
import io.tether.codec.jstp.JstpWireWriter;
import io.tether.codec.outbound.CoalescingEncoder;
import io.tether.codec.socket.BreakCharacterDetector;
import io.tether.codec.socket.SocketLineDecoder;
import io.tether.core.TetherCore;
import io.tether.core.limits.Refusals;
import io.tether.server.ProtocolServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both listeners build their channels with the one {@link ProtocolPipeline}: the same shared
 * stages in the same order, plain and TLS, with only the protocol's own stages differing.
 */
class ProtocolPipelineTest {
    @TempDir
    static Path temp;
    static TestCertificates certs;
    static TetherCore core;

    @BeforeAll
    static void setUp() {
        certs = TestCertificates.generate(temp.resolve("certs"));
        core = TetherCore.builder().room("defaultRoom").build();
    }

    @AfterAll
    static void tearDown() {
        core.close();
    }

    private static List<String> stages(ProtocolServer server, Predicate<ChannelPipeline> check) {
        EmbeddedChannel ch = new EmbeddedChannel(server.initializer());
        try {
            assertThat(check.test(ch.pipeline())).as("stage types of %s", ch.pipeline().names()).isTrue();
            return ch.pipeline().names().stream().filter(n -> !n.startsWith("DefaultChannelPipeline$")).toList();
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    private static boolean sharedStages(ChannelPipeline p) {
        return p.get(ProtocolPipeline.ENCODER) instanceof CoalescingEncoder
                && p.get(ProtocolPipeline.FLUSH) instanceof FlushConsolidationHandler
                && p.get(ProtocolPipeline.HANDLER) != null
                && (p.get(ProtocolPipeline.TLS) == null || p.get(ProtocolPipeline.TLS) instanceof SslHandler);
    }

    private static boolean socketStages(ChannelPipeline p) {
        return sharedStages(p) && p.get("break") instanceof BreakCharacterDetector
                && p.get(ProtocolPipeline.DECODER) instanceof SocketLineDecoder;
    }

    private static boolean jstpStages(ChannelPipeline p) {
        // JstpServerHandler finds the framing by type to lift its cap after the handshake
        return sharedStages(p) && p.get(ProtocolPipeline.FRAMING) == p.get(JstpFrameDecoder.class)
                && p.get(ProtocolPipeline.DECODER) instanceof JstpMessageDecoder;
    }

    @Test
    void plainChannelsOfBothProtocolsGetTheSameStagesInTheSameOrder() {
        List<String> socket = stages(new SocketProtocolServer(core, SocketOptions.defaults()),
                ProtocolPipelineTest::socketStages);
        List<String> jstp = stages(new JstpProtocolServer(core, JstpOptions.defaults()),
                ProtocolPipelineTest::jstpStages);
        assertThat(socket).containsExactly("idle", "break", "framing", "decoder", "encoder", "flush", "handler");
        assertThat(jstp).containsExactly("idle", "framing", "decoder", "encoder", "flush", "handler");
    }

    @Test
    void tlsChannelsOfBothProtocolsStartWithTheBoundedTlsStage() {
        TlsOptions tls = TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem());
        List<String> socket = stages(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().tls(tls)
                .build()), ProtocolPipelineTest::socketStages);
        List<String> jstp = stages(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().tls(tls)
                .build()), ProtocolPipelineTest::jstpStages);
        assertThat(socket).containsExactly("tls", "tls-timeouts", "idle", "break", "framing", "decoder", "encoder",
                "flush", "handler");
        assertThat(jstp).containsExactly("tls", "tls-timeouts", "idle", "framing", "decoder", "encoder", "flush",
                "handler");
    }

    @Test
    void theTlsHandshakeIsBoundedByTheListenersLimit() {
        TlsOptions tls = TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem());
        ConnectionLimits limits = ConnectionLimits.defaults().toBuilder().tlsHandshakeTimeout(Duration.ofSeconds(7))
                .build();
        EmbeddedChannel ch = new EmbeddedChannel(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
                .tls(tls).connectionLimits(limits).build()).initializer());
        try {
            assertThat(ch.pipeline().get(SslHandler.class).getHandshakeTimeoutMillis()).isEqualTo(7_000);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aProtocolStatesOnlyWhatDiffersAndTheIdleStageFollowsTheGuard() {
        ConnectionGuard noIdle = new ConnectionGuard("test", ConnectionLimits.defaults().toBuilder()
                .idleTimeout(Duration.ZERO).build(), new Refusals());
        ChannelHandler handler = new ChannelInboundHandlerAdapter();
        ProtocolPipeline pipeline = ProtocolPipeline.builder(noIdle,
                        new DefaultChannelGroup("test", GlobalEventExecutor.INSTANCE))
                .framing(() -> new JstpFrameDecoder())
                .decoder(new JstpMessageDecoder(io.tether.codec.jstp.JstpMessages.defaults()))
                .encoder(new JstpWireWriter())
                .handler(() -> handler)
                .build();
        assertThat(pipeline.tls()).isFalse();
        EmbeddedChannel ch = new EmbeddedChannel(pipeline);
        try {
            assertThat(ch.pipeline().names()).startsWith("framing", "decoder", "encoder", "flush", "handler");
            assertThat(ch.pipeline().get(ProtocolPipeline.HANDLER)).isSameAs(handler);
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void aDecoderSharedByEveryChannelMustBeSharable() {
        ConnectionGuard guard = new ConnectionGuard("test", ConnectionLimits.defaults(), new Refusals());
        ProtocolPipeline.Builder b = ProtocolPipeline.builder(guard,
                        new DefaultChannelGroup("test", GlobalEventExecutor.INSTANCE))
                .framing(() -> new JstpFrameDecoder())
                .decoder(new JstpFrameDecoder()) // per-channel state: not sharable
                .encoder(new JstpWireWriter())
                .handler(ChannelInboundHandlerAdapter::new);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@Sharable");
        assertThatThrownBy(() -> ProtocolPipeline.builder(guard,
                new DefaultChannelGroup("test", GlobalEventExecutor.INSTANCE)).build())
                .isInstanceOf(NullPointerException.class);
    }
}
