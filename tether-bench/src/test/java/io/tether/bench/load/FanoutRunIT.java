package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fan-out generator against an in-process Tether server with two socket listeners (the
 * members of each room are spread over both): every message sent in the window reaches every
 * member of its room, latencies are measured, rates are kept, and a missing room is a failure.
 */
class FanoutRunIT {
    private static TetherCore core;
    private static TetherServer server;

    @BeforeAll
    static void start() {
        core = TetherCore.builder().room("fanout0", "fanout1", "fanout2").build();
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).build()))
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().name("socket2")
                        .host("127.0.0.1").port(0).build()))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        core.close();
    }

    private static FanoutOptions.Builder base() {
        return FanoutOptions.defaults().toBuilder().ports(List.of(server.port("socket"), server.port("socket2")))
                .warmup(Duration.ofMillis(300)).duration(Duration.ofSeconds(2)).threads(1)
                .pids(List.of(ProcessHandle.current().pid()));
    }

    @Test
    void maxRateReachesEveryMemberOfEveryRoom() throws Exception {
        FanoutResult r = new FanoutRun(base().rooms(3).members(6).senders(2).depth(2).messageBytes(40).build()).run();
        assertThat(r.base().failures()).as(r.base().note()).isZero();
        assertThat(r.base().errors()).isZero();
        assertThat(r.sent()).isPositive();
        assertThat(r.expected()).isEqualTo(r.sent() * 6);
        assertThat(r.lost()).as("every message sent in the window reached all 6 members").isZero();
        assertThat(r.base().completed()).isPositive();
        assertThat(r.base().p50us()).isPositive();
        assertThat(r.base().p99us()).isGreaterThanOrEqualTo(r.base().p50us());
        assertThat(r.pidCpu()).hasSize(1);
        assertThat(r.toJson()).startsWith("{\"tetherBench\":1,\"mode\":\"fanout\",\"label\":\"fanout 3x6 s2 max d2\"")
                .contains("\"nodes\":2", "\"lost\":0", "\"pidCpu\":[", "\"loopLagP99us\":", "\"loopLagMaxUs\":");
    }

    @Test
    void probesMeasureLatencyWhileEveryMemberCountsItsDeliveries() throws Exception {
        FanoutResult all = new FanoutRun(base().rooms(2).members(8).senders(1).sendRate(200).build()).run();
        FanoutResult some = new FanoutRun(base().rooms(2).members(8).senders(1).sendRate(200).probes(2).build()).run();
        for (FanoutResult r : List.of(all, some)) {
            assertThat(r.base().failures()).as(r.base().note()).isZero();
            assertThat(r.sent()).isPositive();
            assertThat(r.lost()).as("every member counts its deliveries, probe or not").isZero();
            assertThat(r.base().p50us()).isPositive();
            // delivered counts every member (8 per message), not only the 2 probes of each room
            assertThat(r.base().completed()).isBetween(r.sent() * 8 / 2, r.sent() * 8 + 400);
        }
    }

    @Test
    void aFixedRateIsKept() throws Exception {
        FanoutResult r = new FanoutRun(base().rooms(1).members(10).senders(2).sendRate(100).build()).run();
        assertThat(r.base().failures()).as(r.base().note()).isZero();
        // intended send times: a late tick sends what was due, so the count follows the clock
        assertThat(r.sentRate()).isBetween(80.0, 120.0);
        assertThat(r.lost()).isZero();
        // counted by arrival in the window: about what the window sent, give or take the latency
        assertThat(r.base().completed()).isBetween(r.sent() * 10 / 2, r.sent() * 12 + 100);
    }

    @Test
    void aMissingRoomIsAFailure() throws Exception {
        FanoutResult r = new FanoutRun(base().roomPrefix("nosuchroom").rooms(1).members(2)
                .duration(Duration.ofMillis(200)).build()).run();
        assertThat(r.failures()).isPositive();
        assertThat(r.base().note()).contains("room does not exist");
        assertThat(r.sent()).isZero();
    }
}
