package io.tether.codec.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescingEncoderTest {
    /** Encodes strings as "text;"; a string "boom" fails to encode; other messages pass through. */
    private static final WireWriter WRITER = new WireWriter() {
        @Override
        public boolean accepts(Object msg) {
            return msg instanceof String;
        }

        @Override
        public void write(Object msg, ByteBuf out) {
            out.writeCharSequence((String) msg, StandardCharsets.UTF_8);
            if (msg.equals("boom")) {
                throw new IllegalStateException("cannot encode");
            }
            out.writeByte(';');
        }
    };

    private final EmbeddedChannel ch = new EmbeddedChannel(new CoalescingEncoder(WRITER));

    @AfterEach
    void close() {
        ch.finishAndReleaseAll();
    }

    private String next() {
        ByteBuf buf = ch.readOutbound();
        assertThat(buf).as("an outbound buffer").isNotNull();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void writesBetweenTwoFlushesLeaveAsOneBuffer() {
        ch.write("a");
        ch.write("b");
        ch.write("c");
        assertThat((Object) ch.readOutbound()).as("nothing before the flush").isNull();
        ch.flush();
        assertThat(next()).isEqualTo("a;b;c;");
        assertThat((Object) ch.readOutbound()).isNull();
        ch.writeAndFlush("d");
        assertThat(next()).isEqualTo("d;");
    }

    @Test
    void aMessageItDoesNotEncodeKeepsItsPlaceInTheOrder() {
        ch.write("a");
        ch.write(Unpooled.copiedBuffer("RAW", StandardCharsets.US_ASCII));
        ch.write("b");
        ch.flush();
        assertThat(next()).isEqualTo("a;");
        assertThat(next()).isEqualTo("RAW");
        assertThat(next()).isEqualTo("b;");
    }

    @Test
    void promisesCompleteWithTheirBatch() {
        ChannelFuture first = ch.write("a");
        ChannelFuture second = ch.write("b");
        assertThat(first.isDone()).isFalse();
        ch.flush();
        assertThat(first.isSuccess()).isTrue();
        assertThat(second.isSuccess()).isTrue();
        assertThat(next()).isEqualTo("a;b;");
    }

    @Test
    void aFailedEncodingFailsOnlyItsOwnMessageAndLeavesNoPartialBytes() {
        ChannelFuture ok = ch.write("a");
        ChannelFuture bad = ch.write("boom");
        ch.write("b");
        ch.flush();
        assertThat(bad.cause()).isInstanceOf(EncoderException.class).hasRootCauseMessage("cannot encode");
        assertThat(ok.isSuccess()).isTrue();
        assertThat(next()).isEqualTo("a;b;");
    }

    @Test
    void aLargeBatchIsHandedOnBeforeTheFlush() {
        String chunk = "x".repeat(1000);
        int n = CoalescingEncoder.MAX_BATCH_BYTES / 1001 + 1;
        for (int i = 0; i < n; i++) {
            ch.write(chunk);
        }
        assertThat(ch.outboundMessages()).as("handed on at the cap, still unflushed").isEmpty();
        assertThat(ch.unsafe().outboundBuffer().totalPendingWriteBytes())
                .as("the channel's outbound buffer counts the bytes")
                .isGreaterThanOrEqualTo(CoalescingEncoder.MAX_BATCH_BYTES);
        ch.write("tail");
        ch.flush();
        assertThat(next()).hasSize(n * 1001);
        assertThat(next()).isEqualTo("tail;");
    }

    @Test
    void anUnflushedBatchIsReleasedWhenTheChannelCloses() {
        ChannelFuture pending = ch.write("a");
        ch.close();
        assertThat(pending.isDone()).isTrue();
        assertThat(pending.isSuccess()).isFalse();
        assertThat((Object) ch.readOutbound()).isNull();
    }
}
