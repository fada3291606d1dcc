package io.tether.codec.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flush consolidation of a server's encoder: the replies to one read, or to one task, leave together. */
class CoalescingEncoderFlushTest {
    private static final WireWriter WRITER = new WireWriter() {
        @Override
        public boolean accepts(Object msg) {
            return msg instanceof String;
        }

        @Override
        public void write(Object msg, ByteBuf out) {
            out.writeCharSequence(msg + ";", StandardCharsets.UTF_8);
        }
    };

    /** Answers every inbound message at once with its own writeAndFlush, as protocol handlers do. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush("re:" + msg);
        }
    }

    private EmbeddedChannel ch = new EmbeddedChannel(new CoalescingEncoder(WRITER, 4), new Echo());

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
    void theRepliesToOneReadLeaveAsOneBufferAtReadComplete() {
        ch.writeInbound("a", "b", "c"); // three channelReads, then channelReadComplete
        assertThat(next()).isEqualTo("re:a;re:b;re:c;");
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void aReadWithManyRepliesLetsEveryFourthFlushThrough() {
        ch.writeInbound("1", "2", "3", "4", "5");
        assertThat(next()).isEqualTo("re:1;re:2;re:3;re:4;");
        assertThat(next()).isEqualTo("re:5;");
    }

    @Test
    void flushesOutsideAReadMergeIntoOneTaskRunAfterTheCurrentOne() {
        ch.eventLoop().execute(() -> { // e.g. two replies delivered by one task on the loop
            ch.pipeline().writeAndFlush("x");
            ch.pipeline().writeAndFlush("y");
            assertThat((Object) ch.readOutbound()).as("held until the flush task runs").isNull();
        });
        ch.runPendingTasks();
        assertThat(next()).isEqualTo("x;y;");
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void aCloseLetsTheHeldFlushThroughFirst() {
        ch.eventLoop().execute(() -> {
            ch.pipeline().writeAndFlush("bye");
            ch.pipeline().close();
        });
        ch.runPendingTasks();
        assertThat(next()).isEqualTo("bye;");
    }

    @Test
    void withoutConsolidationEveryFlushGoesThrough() {
        ch.finishAndReleaseAll();
        ch = new EmbeddedChannel(new CoalescingEncoder(WRITER), new Echo());
        ch.writeInbound("a", "b");
        assertThat(next()).isEqualTo("re:a;");
        assertThat(next()).isEqualTo("re:b;");
    }
}
