package io.tether.server.flow;

import static io.tether.server.flow.FlowTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.action.ProcessorOptions;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.core.session.resume.SessionLimits;
import io.tether.testkit.JstpFrameClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbound policy on JSTP, with one I/O thread: a client pipelining calls without reading
 * the callbacks is cut off at {@code maxOutboundBytes}; another client on the loop is served.
 * A chat member that never reads is cut off by the same policy when room events fill its
 * outbound buffer (as a socket member is, {@code SocketOutboundIT}), counted as
 * {@code slow_consumer}.
 */
class JstpOutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PROMPT = Duration.ofSeconds(10); // served while the flood runs; generous for a loaded machine

    @Test
    void aClientPipeliningCallsWithoutReadingIsCutOffAtTheCap() throws Exception {
        // no pending-action limit in the way: every call answers a 16 KiB callback, so what the
        // client does not read is certain to pass the cap (with the default limit of 5 most calls
        // were refused with a short error, and whether the cap was reached depended on timing)
        TetherCore core = TetherCore.builder().action(FlowTestSupport.blob(), FlowTestSupport.randomNumber())
                .processorOptions(ProcessorOptions.defaults().toBuilder().simultaneousActions(1_000_000).build())
                .build();
        JstpOptions options = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .maxOutboundBytes(1024 * 1024).build();
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options))
                .ioThreads(1).build().start();
             JstpFrameClient bystander = JstpFrameClient.connect("127.0.0.1", server.port("jstp"));
             JstpFrameClient attacker = JstpFrameClient.connect("127.0.0.1", server.port("jstp"))) {
            assertThat(bystander.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(attacker.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
            java.util.StringJoiner calls = new java.util.StringJoiner("\0");
            for (int i = 1; i <= 20_000; i++) {
                calls.add("{call:[" + i + ",'api'],blob:[{size:16384}]}");
            }
            String flood = calls.toString(); // send appends the last terminator
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    attacker.send(flood); // 20,000 calls, 320 MB of callbacks, never read
                } catch (RuntimeException closed) {
                    // the server cut it off
                }
            });
            AtomicInteger id = new AtomicInteger(1);
            boolean cutOff = eventually(Duration.ofSeconds(30), () -> {
                int n = id.incrementAndGet();
                assertThat(bystander.request("{call:[" + n + ",'api'],randomNumber:[]}", PROMPT))
                        .startsWith("{callback:[" + n + "],ok:");
                return core.refusals().get(Refusal.SLOW_CONSUMER) > 0;
            });
            assertThat(cutOff).as("the non-reading client is disconnected over the cap").isTrue();
            assertThat(attacker.closedWithin(WAIT)).isTrue();
            writer.join(WAIT.toMillis());
            int n = id.incrementAndGet();
            assertThat(bystander.request("{call:[" + n + ",'api'],randomNumber:[]}", PROMPT))
                    .startsWith("{callback:[" + n + "],ok:");
        }
    }

    @Test
    void aChatMemberThatNeverReadsIsCutOffAtTheCapByRoomEvents() throws Exception {
        TetherCore core = TetherCore.builder().action(FlowTestSupport.randomNumber()).room("defaultRoom").build();
        // session buffers far above the cap, so that the outbound policy (not the resend buffer) acts
        JstpOptions options = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .maxOutboundBytes(1024 * 1024)
                .sessionLimits(SessionLimits.defaults().toBuilder().maxEntries(1_000_000).maxBytes(1L << 32).build())
                .sessionBufferBudgetBytes(1L << 34)
                .build();
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options))
                .ioThreads(1).build().start();
             JstpFrameClient sayer = JstpFrameClient.connect("127.0.0.1", server.port("jstp"));
             JstpFrameClient member = JstpFrameClient.connect("127.0.0.1", server.port("jstp"))) {
            assertThat(member.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(member.request("{call:[1,'chat'],join:['defaultRoom']}", WAIT)).startsWith("{callback:[1],ok");
            assertThat(sayer.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(sayer.request("{call:[1,'chat'],join:['defaultRoom']}", WAIT)).startsWith("{callback:[1],ok");
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread drain = Thread.ofVirtual().start(() -> { // the sayer reads its callbacks and own copies
                while (!stop.get()) {
                    try {
                        sayer.read(Duration.ofMillis(200));
                    } catch (RuntimeException timeoutOrClosed) {
                        // nothing to read right now
                    }
                }
            });
            String text = "x".repeat(16 * 1024);
            boolean cutOff = false;
            for (int i = 2; i < 4_000 && !cutOff; i++) { // up to 64 MB of events, never read by the member
                sayer.send("{call:[" + i + ",'chat'],say:['defaultRoom','" + text + "']}");
                cutOff = core.refusals().get(Refusal.SLOW_CONSUMER) > 0;
                if (i % 100 == 0) {
                    Thread.sleep(10); // pacing: gives the loops time to fill the member's outbound queue between bursts
                }
            }
            cutOff = cutOff || eventually(WAIT, () -> core.refusals().get(Refusal.SLOW_CONSUMER) > 0);
            stop.set(true);
            drain.join(WAIT.toMillis());
            assertThat(cutOff).as("the member that does not read is disconnected over the cap").isTrue();
            assertThat(member.closedWithin(WAIT)).isTrue();
            try (JstpFrameClient after = JstpFrameClient.connect("127.0.0.1", server.port("jstp"))) {
                assertThat(after.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
                assertThat(after.request("{call:[1,'api'],randomNumber:[]}", PROMPT)).startsWith("{callback:[1],ok:");
            }
        }
    }
}
