package io.tether.server.flow;

import static io.tether.server.flow.FlowTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.testkit.JstpFrameClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbound policy on JSTP, with one I/O thread: a client pipelining calls without reading
 * the callbacks is cut off at {@code maxOutboundBytes}; another client on the loop is served.
 */
class JstpOutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @Test
    void aClientPipeliningCallsWithoutReadingIsCutOffAtTheCap() throws Exception {
        TetherCore core = TetherCore.builder().action(FlowTestSupport.blob(), FlowTestSupport.randomNumber()).build();
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
}
