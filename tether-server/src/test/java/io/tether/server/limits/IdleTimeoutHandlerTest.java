package io.tether.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The idle stage on a channel with a virtual clock: traffic either way keeps it, silence closes it. */
class IdleTimeoutHandlerTest {
    private final Refusals refusals = new Refusals();
    private final ConnectionGuard guard = new ConnectionGuard("test", ConnectionLimits.defaults().toBuilder()
            .idleTimeout(Duration.ofSeconds(10)).build(), refusals);
    private final List<Object> events = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel(new IdleTimeoutHandler(guard),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    events.add(evt);
                    ctx.writeAndFlush("bye"); // the goodbye leaves before the close
                }
            });

    @AfterEach
    void release() {
        ch.finishAndReleaseAll();
    }

    private void advance(long seconds) {
        ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aSilentConnectionGetsTheEventAndIsClosedAtTheTimeout() {
        advance(9);
        assertThat(ch.isOpen()).isTrue();
        advance(2);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        assertThat((Object) ch.readOutbound()).isEqualTo("bye");
        assertThat(ch.isOpen()).isFalse();
        assertThat(refusals.get(Refusal.IDLE_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void readsPostponeTheTimeout() {
        advance(8);
        ch.writeInbound("line");
        advance(8);
        assertThat(ch.isOpen()).as("8 s after the last read").isTrue();
        advance(3);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void completedWritesPostponeTheTimeoutForAListenOnlyClient() {
        advance(8);
        ch.writeOutbound("room message");
        advance(8);
        assertThat(ch.isOpen()).as("8 s after the last write").isTrue();
        advance(3);
        assertThat(ch.isOpen()).isFalse();
        assertThat(events).hasSize(1);
    }

    @Test
    void aClosedChannelStopsTheTimer() {
        ch.close();
        advance(20);
        assertThat(events).isEmpty();
        assertThat(refusals.get(Refusal.IDLE_TIMEOUT)).isZero();
    }
}
