package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameBufferTest {
    private final List<String> frames = new ArrayList<>();

    private boolean feed(FrameBuffer buffer, String read) {
        ByteBuf in = Unpooled.copiedBuffer(read, StandardCharsets.ISO_8859_1);
        buffer.append(in);
        in.release();
        return buffer.drain((b, from, to) -> frames.add(new String(b, from, to - from, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void framesSplitAcrossReadsAndManyInOneRead() {
        FrameBuffer buffer = new FrameBuffer((byte) '\n', 1000);
        assertThat(feed(buffer, "ab")).isTrue();
        assertThat(frames).isEmpty();
        assertThat(feed(buffer, "c\nd\n\ne")).isTrue();
        assertThat(feed(buffer, "f\n")).isTrue();
        assertThat(frames).containsExactly("abc", "d", "", "ef");
    }

    @Test
    void growsForLongFramesAndReportsOnesOverTheCap() {
        FrameBuffer buffer = new FrameBuffer((byte) 0, 600);
        String long500 = "x".repeat(500);
        assertThat(feed(buffer, long500)).isTrue();
        assertThat(feed(buffer, "\0")).isTrue();
        assertThat(frames).containsExactly(long500);
        assertThat(feed(buffer, "y".repeat(601))).isFalse();
    }
}
