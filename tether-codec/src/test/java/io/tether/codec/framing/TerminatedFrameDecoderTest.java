package io.tether.codec.framing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The single-pass framing against Netty's delimiter decoder, on random input: CR/LF lines and NUL frames. */
class TerminatedFrameDecoderTest {
    private static final int MAX = 40;

    @Test
    void sameNonEmptyLinesAsNettysDelimiterDecoderOnRandomReads() {
        Random random = new Random(7);
        byte[] alphabet = "ab\r\n{}\"x".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 2_000; round++) {
            List<byte[]> reads = new ArrayList<>();
            for (int r = random.nextInt(5) + 1; r > 0; r--) {
                byte[] read = new byte[random.nextInt(30)];
                for (int i = 0; i < read.length; i++) {
                    read[i] = alphabet[random.nextInt(alphabet.length)];
                }
                reads.add(read);
            }
            assertThat(frames(lines(MAX), reads, true))
                    .as("round %d", round)
                    .isEqualTo(frames(netty(), reads, true));
        }
    }

    @Test
    void sameFramesAsNettysDelimiterDecoderOnNulTerminatedInputEmptyFramesIncluded() {
        Random random = new Random(9);
        byte[] alphabet = {'a', 'b', 0, '{', '}', (byte) 0xC3, (byte) 0xA9};
        for (int round = 0; round < 2_000; round++) {
            List<byte[]> reads = new ArrayList<>();
            for (int r = random.nextInt(5) + 1; r > 0; r--) {
                byte[] read = new byte[random.nextInt(30)];
                for (int i = 0; i < read.length; i++) {
                    read[i] = alphabet[random.nextInt(alphabet.length)];
                }
                reads.add(read);
            }
            assertThat(frames(new TerminatedFrameDecoder(ByteProcessor.FIND_NUL, MAX), reads, false))
                    .as("round %d", round)
                    .isEqualTo(frames(new DelimiterBasedFrameDecoder(MAX, true, true,
                            Unpooled.wrappedBuffer(new byte[] {0})), reads, false));
        }
    }

    private static TerminatedFrameDecoder lines(int max) {
        return new TerminatedFrameDecoder(ByteProcessor.FIND_CRLF, max);
    }

    @Test
    void anUnterminatedLineOverTheCapFailsAtOnceAndItsRestIsDiscarded() {
        EmbeddedChannel ch = new EmbeddedChannel(lines(8));
        Throwable failure = writeCatching(ch, "0123456789");
        assertThat(failure).isInstanceOf(TooLongFrameException.class);
        writeCatching(ch, "abc\nok\n");
        assertThat(readAll(ch)).containsExactly("ok");
    }

    @Test
    void aTerminatedLineOverTheCapFailsAndTheNextLineStillComesOut() {
        EmbeddedChannel ch = new EmbeddedChannel(lines(4));
        Throwable failure = writeCatching(ch, "123456\nok\n");
        assertThat(failure).isInstanceOf(TooLongFrameException.class);
        writeCatching(ch, "");
        assertThat(readAll(ch)).containsExactly("ok");
    }

    @Test
    void aFrameTrickledInOneByteReadsIsScannedOnceNotOncePerRead() {
        int frameBytes = 1024 * 1024;
        long budget = 2L * frameBytes + 16; // linear: each byte is looked at about once
        long[] scanned = {0};
        ByteProcessor counting = b -> {
            if (++scanned[0] > budget) {
                throw new AssertionError("scanned more than " + budget + " bytes for a " + frameBytes + "-byte frame");
            }
            return b != 0;
        };
        EmbeddedChannel ch = new EmbeddedChannel(new TerminatedFrameDecoder(counting, 2 * frameBytes));
        ByteBuf one = Unpooled.wrappedBuffer(new byte[] {'a'});
        for (int i = 0; i < frameBytes; i++) {
            ch.writeInbound(one.retainedDuplicate());
        }
        one.release();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 'b', 0}));
        ByteBuf frame = ch.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(frameBytes);
        frame.release();
        assertThat(readAll(ch)).containsExactly("b");
        assertThat(scanned[0]).isLessThanOrEqualTo(budget);
        ch.finishAndReleaseAll();
    }

    @Test
    void anUnterminatedFrameTrickledPastTheCapFailsOnceAndTheNextFrameComesOut() {
        EmbeddedChannel ch = new EmbeddedChannel(lines(8));
        Throwable failure = null;
        for (int i = 0; i < 20 && failure == null; i++) {
            failure = writeCatching(ch, "x");
        }
        assertThat(failure).isInstanceOf(TooLongFrameException.class);
        assertThat(writeCatching(ch, "yy")).isNull();
        writeCatching(ch, "z\nok\n");
        assertThat(readAll(ch)).containsExactly("ok");
    }

    @Test
    void aTerminatorArrivingInALaterReadEndsTheFrameThatWasScannedSoFar() {
        EmbeddedChannel ch = new EmbeddedChannel(lines(MAX));
        writeCatching(ch, "ab");
        writeCatching(ch, "cd");
        writeCatching(ch, "e\nf");
        writeCatching(ch, "g\r\n");
        assertThat(readAll(ch)).containsExactly("abcde", "fg", "");
    }

    private static DelimiterBasedFrameDecoder netty() {
        return new DelimiterBasedFrameDecoder(MAX, true, true,
                Unpooled.wrappedBuffer(new byte[] {'\r', '\n'}), Unpooled.wrappedBuffer(new byte[] {'\r'}),
                Unpooled.wrappedBuffer(new byte[] {'\n'}));
    }

    /** The frames (non-empty ones only if asked: the line decoder drops the rest), "!" for each failure. */
    private static List<String> frames(io.netty.channel.ChannelHandler decoder, List<byte[]> reads,
                                       boolean nonEmptyOnly) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        List<String> out = new ArrayList<>();
        for (byte[] read : reads) {
            if (writeCatching(ch, new String(read, StandardCharsets.ISO_8859_1)) != null) {
                out.add("!");
            }
            readAll(ch).stream().filter(s -> !nonEmptyOnly || !s.isEmpty()).forEach(out::add);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static Throwable writeCatching(EmbeddedChannel ch, String text) {
        try {
            ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
            return null;
        } catch (DecoderException e) {
            return e instanceof TooLongFrameException ? e : e.getCause();
        }
    }

    private static List<String> readAll(EmbeddedChannel ch) {
        List<String> out = new ArrayList<>();
        for (Object o = ch.readInbound(); o != null; o = ch.readInbound()) {
            ByteBuf b = (ByteBuf) o;
            out.add(b.toString(StandardCharsets.ISO_8859_1));
            b.release();
        }
        return out;
    }
}
