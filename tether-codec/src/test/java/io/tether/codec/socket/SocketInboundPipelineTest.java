package io.tether.codec.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketInboundPipelineTest {
    private final List<Object> events = new ArrayList<>();

    private EmbeddedChannel channel(String delimiter, int maxLineBytes, int maxDataLength) {
        return new EmbeddedChannel(new BreakCharacterDetector(),
                SocketFraming.newFrameDecoder(delimiter, maxLineBytes),
                new SocketLineDecoder(maxDataLength, new SocketRequestClassifier()),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                        events.add(evt);
                    }
                });
    }

    private EmbeddedChannel channel() {
        return channel("\n", 64, 0);
    }

    private static void write(EmbeddedChannel ch, String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    private static void write(EmbeddedChannel ch, byte... bytes) {
        ch.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    private static List<SocketRequest> drain(EmbeddedChannel ch) {
        List<SocketRequest> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            out.add((SocketRequest) o);
        }
        return out;
    }

    @Test
    void lineSplitAcrossReadsIsBufferedUntilItsTerminator() {
        EmbeddedChannel ch = channel();
        write(ch, "para");
        write(ch, "msVi");
        assertThat(drain(ch)).isEmpty();
        write(ch, "ew\n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.Verb(SocketVerb.PARAMS_VIEW, List.of()));
    }

    @Test
    void manyLinesInOneReadComeOutInOrderAndTheTailStaysBuffered() {
        EmbeddedChannel ch = channel();
        write(ch, "a\nb\rc\r\nd");
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("a"),
                new SocketRequest.InlineAction("b"), new SocketRequest.InlineAction("c"));
        write(ch, "\n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("d"));
    }

    @Test
    void emptyLinesAreDroppedButSpacesOnlyIsAnEmptyActionName() {
        EmbeddedChannel ch = channel();
        write(ch, "\r\n\n\r\r\n  \n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction(""));
    }

    @Test
    void configuredDelimiterEndsLinesAsWellAsCrAndLf() {
        EmbeddedChannel ch = channel("||", 64, 0);
        write(ch, "a||b\nc\rd||");
        assertThat(drain(ch)).extracting(r -> ((SocketRequest.InlineAction) r).name())
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void unterminatedLineOverTheCapFailsAtOnce() {
        EmbeddedChannel ch = channel("\n", 16, 0);
        assertThatThrownBy(() -> write(ch, "x".repeat(17))).isInstanceOf(TooLongFrameException.class);
    }

    @Test
    void lineUpToTheCapIsAccepted() {
        EmbeddedChannel ch = channel("\n", 16, 0);
        write(ch, "y".repeat(16) + "\n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("y".repeat(16)));
    }

    @Test
    void maxDataLengthCountsUtf8BytesAndExactlyTheLimitPasses() {
        EmbeddedChannel ch = channel("\n", 64, 4);
        write(ch, "abcd\nabcde\néé\néé!\n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("abcd"),
                new SocketRequest.TooLong(5), new SocketRequest.InlineAction("éé"), new SocketRequest.TooLong(5));
    }

    @Test
    void multiByteCharacterSplitAcrossReadsSurvives() {
        EmbeddedChannel ch = channel();
        byte[] euro = "say r €".getBytes(StandardCharsets.UTF_8);
        int split = euro.length - 2;
        ch.writeInbound(Unpooled.wrappedBuffer(euro, 0, split));
        ch.writeInbound(Unpooled.wrappedBuffer(euro, split, 2));
        write(ch, "\n");
        assertThat(drain(ch)).containsExactly(new SocketRequest.Verb(SocketVerb.SAY, List.of("r", "€")));
    }

    @Test
    void badUtf8BecomesReplacementCharactersWithoutFailing() {
        EmbeddedChannel ch = channel();
        write(ch, (byte) 'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) '\n', (byte) 'b', (byte) '\n');
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("a\uFFFD(\uFFFD"),
                new SocketRequest.InlineAction("b"));
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void breakCharactersAloneInAReadBecomeABreakEvent() {
        EmbeddedChannel ch = channel();
        write(ch, (byte) 0x04);
        write(ch, (byte) 0xFF, (byte) 0xF4, (byte) 0xFF, (byte) 0xFD, (byte) 0x06);
        assertThat(events).containsExactly(SocketBreak.INSTANCE, SocketBreak.INSTANCE);
        assertThat(drain(ch)).isEmpty();
    }

    @Test
    void breakCharactersInsideOtherDataAreOrdinaryBytes() {
        EmbeddedChannel ch = channel();
        write(ch, (byte) 0x04, (byte) 'x', (byte) '\n');
        write(ch, (byte) 0xFF, (byte) 0xF4, (byte) 0xFF, (byte) 0xFD);
        assertThat(events).isEmpty();
        assertThat(drain(ch)).containsExactly(new SocketRequest.InlineAction("\u0004x"));
    }

    @Test
    void breakIsDetectedWhateverIsAlreadyBuffered() {
        EmbeddedChannel ch = channel();
        write(ch, "partial");
        write(ch, (byte) 0x04);
        assertThat(events).containsExactly(SocketBreak.INSTANCE);
    }
}
