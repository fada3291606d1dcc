package io.tether.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.limits.RefusalLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OutboundFlowTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final Refusals refusals = new Refusals();
    private final List<String> processed = new ArrayList<>();
    private final List<String> cutOffs = new ArrayList<>();
    private final OutboundFlow<String> flow = new OutboundFlow<>(channel, 1000,
            new RefusalLog(refusals, LoggerFactory.getLogger(OutboundFlowTest.class)), new OutboundFlow.Owner<>() {
                @Override
                public void processDeferred(String message) {
                    processed.add(message);
                }

                @Override
                public void cutOff() {
                    cutOffs.add("cut");
                }
            });

    OutboundFlowTest() {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(16, 32));
    }

    /** Queues {@code bytes} without flushing them: the channel's pending outbound bytes. */
    private void queue(int bytes) {
        channel.write(Unpooled.buffer(bytes).writeZero(bytes));
    }

    @Test
    void whileWritableMessagesPassAndWritesAreAllowed() {
        assertThat(flow.admit("a")).isTrue();
        assertThat(flow.mayWrite()).isTrue();
        assertThat(flow.queuedBytes()).isZero();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void whileUnwritableMessagesWaitInOrderAndReadingStopsUntilWritableAgain() {
        queue(40);
        assertThat(channel.isWritable()).isFalse();
        assertThat(flow.admit("a")).isFalse();
        assertThat(flow.admit("b")).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();
        assertThat(processed).isEmpty();
        channel.flush(); // the client read everything
        flow.writabilityChanged();
        assertThat(processed).containsExactly("a", "b");
        assertThat(channel.config().isAutoRead()).isTrue();
        assertThat(flow.admit("c")).isTrue();
    }

    @Test
    void aHoldKeepsMessagesWaitingUntilReleased() {
        flow.hold(OutboundFlow.HOLD_IN_FLIGHT, true);
        assertThat(flow.admit("a")).isFalse();
        assertThat(channel.config().isAutoRead()).isFalse();
        flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, true);
        flow.hold(OutboundFlow.HOLD_IN_FLIGHT, false);
        assertThat(processed).as("the other hold still applies").isEmpty();
        flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, false);
        assertThat(processed).containsExactly("a");
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void overTheCapTheClientIsCutOffOnceAndCounted() {
        queue(40);
        assertThat(flow.queuedBytes()).isGreaterThanOrEqualTo(40);
        assertThat(flow.mayWrite()).as("40 bytes (and Netty's per-entry overhead) of 1000").isTrue();
        queue(1000);
        assertThat(flow.mayWrite()).isFalse();
        assertThat(flow.mayWrite()).isFalse();
        assertThat(flow.isCutOff()).isTrue();
        assertThat(cutOffs).hasSize(1);
        assertThat(refusals.get(Refusal.SLOW_CONSUMER)).isEqualTo(1);
        assertThat(channel.isOpen()).isFalse();
        assertThat(flow.admit("late")).isFalse();
    }
}
