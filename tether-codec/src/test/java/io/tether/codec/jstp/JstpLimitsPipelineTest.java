package io.tether.codec.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.tether.codec.jstp.JstpMessage.Call;
import io.tether.codec.mdsf.MdsfLimitException;
import io.tether.codec.mdsf.MdsfLimits;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-handshake frame cap and the mdsf limits in the JSTP inbound pipeline (issue #11 items 5, 6). */
class JstpLimitsPipelineTest {
    private final JstpFrameDecoder frames = new JstpFrameDecoder(1024, 8 * 1024 * 1024);
    private final EmbeddedChannel ch = new EmbeddedChannel(frames,
            new JstpMessageDecoder(JstpMessages.of(MdsfReader.defaults(), MdsfWriter.defaults())));

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private static ByteBuf frame(String text) {
        return Unpooled.wrappedBuffer((text + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private static String call(String args) {
        return "{call:[1,'i'],m:[" + args + "]}";
    }

    @Test
    void beforeTheHandshakeAFrameOverTheSmallCapFailsAsTooLong() {
        assertThatThrownBy(() -> ch.writeInbound(frame(call("'" + "x".repeat(2000) + "'"))))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessageContaining("frame over 1024 bytes");
    }

    @Test
    void beforeTheHandshakeAnUnterminatedFrameFailsAsSoonAsItPassesTheSmallCap() {
        ByteBuf start = Unpooled.wrappedBuffer(("{a:0x" + "f".repeat(1100)).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ch.writeInbound(start)).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void afterHandshakeDoneTheMessageCapApplies() {
        ch.writeInbound(frame("{handshake:[0,'app']}"));
        assertThat((Object) ch.readInbound()).isInstanceOf(JstpMessage.HandshakeRequest.class);
        frames.handshakeDone();
        assertThat(frames.maxFrameBytes()).isEqualTo(8 * 1024 * 1024);
        String big = "x".repeat(100_000);
        ch.writeInbound(frame(call("'" + big + "'")));
        assertThat((Object) ch.readInbound()).isEqualTo(new Call(1, "i", "m", List.of(big)));
    }

    @Test
    void afterTheHandshakeAHexLiteralOverTheNumberCapIsAParseLimitFailure() {
        frames.handshakeDone();
        assertThatThrownBy(() -> ch.writeInbound(frame(call("0x" + "f".repeat(1_000_000)))))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(MdsfLimitException.class)
                .hasMessageContaining("number literal longer than 1000 characters");
    }

    @Test
    void afterTheHandshakeAnElementBombIsAParseLimitFailureAndTheNextFrameDecodes() {
        frames.handshakeDone();
        String bomb = "{},".repeat(2_000_000);
        assertThatThrownBy(() -> ch.writeInbound(frame(call(bomb + "{}"))))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(MdsfLimitException.class)
                .hasMessageContaining("more than 100000 elements");
        ch.writeInbound(frame(call("1")));
        assertThat((Object) ch.readInbound()).isEqualTo(new Call(1, "i", "m", List.of(1L)));
    }

    @Test
    void theLimitsComeFromTheConfiguredReader() {
        EmbeddedChannel small = new EmbeddedChannel(new JstpFrameDecoder(),
                new JstpMessageDecoder(JstpMessages.of(MdsfReader.of(MdsfLimits.defaults().toBuilder()
                        .maxElements(6).build()), MdsfWriter.defaults()))); // {call:[1,'i'],m:[1]} has 6
        small.writeInbound(frame(call("1")));
        assertThat((Object) small.readInbound()).isEqualTo(new Call(1, "i", "m", List.of(1L)));
        assertThatThrownBy(() -> small.writeInbound(frame(call("1,2"))))
                .cause().isInstanceOf(MdsfLimitException.class);
        small.finishAndReleaseAll();
    }

    @Test
    void theHandshakeCapMayNotExceedTheMessageCap() {
        assertThatThrownBy(() -> new JstpFrameDecoder(2048, 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
