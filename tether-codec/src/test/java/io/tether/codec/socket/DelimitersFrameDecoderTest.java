package io.tether.codec.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DelimitersFrameDecoderTest {
    private static final String[][] DELIMITER_SETS = {{"||", "\r", "\n"}, {"\0", "\r", "\n"}, {"\r\n||", "\r", "\n"},
        {"ab", "\r", "\n"}, {"aab", "\r", "\n"}};

    private static byte[][] bytes(String[] delimiters) {
        return Arrays.stream(delimiters).map(d -> d.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    /** Frames (as strings) and failures ("!") the decoder emits for the reads. */
    private static List<String> run(ByteToMessageDecoder decoder, List<byte[]> reads) {
        EmbeddedChannel ch = new EmbeddedChannel(decoder);
        List<String> out = new ArrayList<>();
        for (byte[] read : reads) {
            try {
                ch.writeInbound(Unpooled.wrappedBuffer(read));
            } catch (TooLongFrameException e) {
                out.add("!");
            }
            for (ByteBuf frame = ch.readInbound(); frame != null; frame = ch.readInbound()) {
                out.add(frame.toString(StandardCharsets.ISO_8859_1));
                frame.release();
            }
        }
        try {
            ch.finish();
        } catch (TooLongFrameException e) {
            out.add("!close");
        }
        for (ByteBuf frame = ch.readInbound(); frame != null; frame = ch.readInbound()) {
            out.add(frame.toString(StandardCharsets.ISO_8859_1) + "@close");
            frame.release();
        }
        ch.finishAndReleaseAll();
        return out;
    }

    @Test
    void framesExactlyAsNettysDelimiterBasedFrameDecoderForRandomStreamsAndReads() {
        SplittableRandom random = new SplittableRandom(17);
        byte[] alphabet = "ab|\r\n\0x".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 20_000; round++) {
            String[] set = DELIMITER_SETS[random.nextInt(DELIMITER_SETS.length)];
            int max = 1 + random.nextInt(12);
            byte[] stream = new byte[random.nextInt(60)];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = alphabet[random.nextInt(alphabet.length)];
            }
            List<byte[]> reads = new ArrayList<>();
            for (int at = 0; at < stream.length; ) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(8));
                reads.add(Arrays.copyOfRange(stream, at, at + n));
                at += n;
            }
            ByteBuf[] netty = Arrays.stream(bytes(set)).map(Unpooled::wrappedBuffer).toArray(ByteBuf[]::new);
            List<String> expected = run(new DelimiterBasedFrameDecoder(max, true, true, netty), reads);
            assertThat(run(new DelimitersFrameDecoder(bytes(set), max), reads))
                    .as("delimiters %s, max %d, reads %s", Arrays.toString(set), max,
                            reads.stream().map(r -> ByteBufUtil.hexDump(r)).toList())
                    .isEqualTo(expected);
        }
    }

    @Test
    void delimiterSplitAcrossReadsIsFound() {
        List<byte[]> reads = List.of("abc|".getBytes(StandardCharsets.UTF_8), "|def|".getBytes(StandardCharsets.UTF_8),
                "|".getBytes(StandardCharsets.UTF_8));
        assertThat(run(new DelimitersFrameDecoder(bytes(DELIMITER_SETS[0]), 64), reads)).containsExactly("abc", "def");
    }

    /**
     * Found by SocketInboundFuzzTest (seed custom-delimiter-unterminated-trickled): with a custom delimiter, a
     * 1 MiB line sent one byte per read was searched from its start on every read (Netty's
     * DelimiterBasedFrameDecoder): about 4 minutes of CPU. Now linear: well under a second.
     */
    @Test
    void lineTrickledOneBytePerReadIsSearchedOnce() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EmbeddedChannel ch = new EmbeddedChannel(SocketFraming.newFrameDecoder("||", 1 << 20));
        ByteBuf one = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[] {'x'}));
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 1 << 20; i++) {
            ch.writeInbound(one.duplicate());
        }
        ch.writeInbound(Unpooled.wrappedBuffer("||".getBytes(StandardCharsets.UTF_8)));
        long spent = threads.getCurrentThreadCpuTime() - start;
        ByteBuf line = ch.readInbound();
        assertThat(line.readableBytes()).isEqualTo(1 << 20);
        line.release();
        ch.finishAndReleaseAll();
        assertThat(spent).as("CPU ns for a 1 MiB line in 1-byte reads").isLessThan(20_000_000_000L);
    }
}
