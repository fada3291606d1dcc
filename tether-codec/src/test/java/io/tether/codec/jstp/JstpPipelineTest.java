package io.tether.codec.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.jstp.JstpMessage.Call;
import io.tether.codec.jstp.JstpMessage.Callback;
import io.tether.codec.jstp.JstpMessage.Ping;
import io.tether.codec.outbound.CoalescingEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JstpPipelineTest {
    private EmbeddedChannel ch = channel(JstpFrameDecoder.DEFAULT_MAX_FRAME_BYTES);

    private static EmbeddedChannel channel(int maxFrame) {
        return new EmbeddedChannel(new JstpFrameDecoder(maxFrame), new JstpMessageDecoder(),
                new CoalescingEncoder(new JstpWireWriter()));
    }

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private static ByteBuf bytes(byte[] b) {
        return Unpooled.wrappedBuffer(b);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] frame(String s) {
        byte[] b = utf8(s);
        return Arrays.copyOf(b, b.length + 1);
    }

    @Test
    void frameSplitAcrossReadsIncludingMultiByteChar() {
        byte[] f = frame("{call:[1,'i'],echo:['é😀']}");
        int split1 = new String(f, StandardCharsets.UTF_8).indexOf('é') + 1;
        assertThat(ch.writeInbound(bytes(Arrays.copyOfRange(f, 0, split1)))).isFalse();
        assertThat(ch.writeInbound(bytes(Arrays.copyOfRange(f, split1, split1 + 4)))).isFalse();
        assertThat(ch.writeInbound(bytes(Arrays.copyOfRange(f, split1 + 4, f.length)))).isTrue();
        assertThat((Object) ch.readInbound()).isEqualTo(new Call(1, "i", "echo", List.of("é😀")));
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void manyFramesInOneBuffer() {
        ch.writeInbound(bytes(utf8("{ping:[1]}\0{}\0{ping:[2]}\0{callback:[3],ok:[]}\0{ping:")));
        assertThat((Object) ch.readInbound()).isEqualTo(new Ping(1));
        assertThat((Object) ch.readInbound()).isEqualTo(new JstpMessage.Heartbeat());
        assertThat((Object) ch.readInbound()).isEqualTo(new Ping(2));
        assertThat((Object) ch.readInbound()).isEqualTo(new Callback(3, List.of(), null));
        assertThat((Object) ch.readInbound()).isNull();
        ch.writeInbound(bytes(utf8("[4]}\0")));
        assertThat((Object) ch.readInbound()).isEqualTo(new Ping(4));
    }

    @Test
    void oversizeUnterminatedFrameFails() {
        ch = channel(1024);
        byte[] big = new byte[1500];
        Arrays.fill(big, (byte) 'x');
        assertThatThrownBy(() -> ch.writeInbound(bytes(big))).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void acceptsSixMebibyteFrame() {
        String payload = "ab'\u00e9".repeat(6 * 1024 * 1024 / 6);
        String text = JstpMessages.defaults().toMdsf(new Call(1, "i", "m", List.of(payload)));
        assertThat(utf8(text).length).isGreaterThan(6 * 1024 * 1024 - 100);
        ch.writeInbound(bytes(frame(text)));
        Call call = ch.readInbound();
        assertThat(call.args()).isEqualTo(List.of(payload));
    }

    @Test
    void badUtf8IsReplaced() {
        byte[] f = frame("{call:[1,'i'],m:['#']}");
        int hash = new String(f, StandardCharsets.US_ASCII).indexOf('#');
        f[hash] = (byte) 0xC3; // truncated two-byte sequence followed by a quote
        ch.writeInbound(bytes(f));
        Call call = ch.readInbound();
        assertThat(call.args()).isEqualTo(List.of("\uFFFD"));
    }

    @Test
    void emptyFrameIsProtocolError() {
        assertProtocolError(() -> ch.writeInbound(bytes(new byte[] {0})));
    }

    @Test
    void syntaxErrorIsProtocolError() {
        assertProtocolError(() -> ch.writeInbound(bytes(frame("{call:[15,'x'],y:[}"))));
    }

    @Test
    void invalidHeaderIsProtocolError() {
        assertProtocolError(() -> ch.writeInbound(bytes(frame("{call:null,answer:[]}"))));
    }

    /**
     * A {@link DecoderException} whose cause is the PROTOCOL_ERROR; the wrapper records no stack
     * trace (a peer's garbage costs no stack walk per message), nor does the cause unless it is
     * the mdsf reader's syntax error.
     */
    private static void assertProtocolError(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(DecoderException.class)
                .satisfies(d -> assertThat(d.getStackTrace()).isEmpty())
                .cause().isInstanceOfSatisfying(TetherException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PROTOCOL_ERROR);
                    if (!(e instanceof io.tether.codec.mdsf.MdsfSyntaxException)) {
                        assertThat(e.getStackTrace()).isEmpty();
                    }
                });
    }

    @Test
    void encoderWritesUtf8AndOneTerminator() {
        ch.writeOutbound(new Callback(1, List.of(Map.of("s", "é")), null));
        ByteBuf out = ch.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(frame("{callback:[1],ok:[{s:'é'}]}"));
        } finally {
            out.release();
        }
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void encoderWritesPreSerializedTextByteIdentical() {
        String text = "{event:[-2,'testInterface'],late:['while you were away 😀']}";
        ch.writeOutbound(text);
        ByteBuf out = ch.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(frame(text));
        } finally {
            out.release();
        }
    }

    @Test
    void pingBytesMatchSpecExample() {
        ch.writeOutbound(new Ping(5));
        ByteBuf out = ch.readOutbound();
        try {
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo("7b70696e673a5b355d7d00");
        } finally {
            out.release();
        }
    }
}
