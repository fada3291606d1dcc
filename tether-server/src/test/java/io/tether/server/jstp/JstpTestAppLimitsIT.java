package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The test application's timers and recorded events (issue #11 item 10): emitLater and
 * delayedEcho timers are bounded per session, their payloads bounded in size, and they are
 * cancelled (payloads released) when the session is dropped; recorded events are bounded.
 */
class JstpTestAppLimitsIT {
    private static final String PAYLOAD = "p".repeat(32 * 1024);
    private final JstpTestServer server = new JstpTestServer(b -> b.sessionExpiry(Duration.ofMillis(300)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pendingTimersAreCancelledWhenTheSessionIsDropped() throws Exception {
        int baseline;
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            baseline = server.core.timer().getQueue().size();
            for (int i = 1; i <= 8; i++) {
                assertThat(c.request("{call:[" + i + ",'testInterface'],emitLater:[50000,'e','" + PAYLOAD + "']}"))
                        .isEqualTo("{callback:[" + i + "],ok:[]}");
            }
            for (int i = 9; i <= 12; i++) {
                c.send("{call:[" + i + ",'testInterface'],delayedEcho:[50000,'" + PAYLOAD + "']}");
            }
            assertThat(c.request("{call:[20,'calculator'],answer:[]}")).isEqualTo("{callback:[20],ok:[42]}");
            // each pending delayedEcho holds its call deadline on the core timer (the timers themselves
            // run on the JDK's delayed executor): they go when the session's end cancels the timers
            assertThat(server.core.timer().getQueue().size()).isGreaterThanOrEqualTo(baseline + 4);
        }
        // the transport is gone; the session expires after 300 ms and is dropped: its timers go with it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.core.timer().getQueue().size()).isLessThanOrEqualTo(baseline));
        try (JstpTestClient other = server.client()) {
            other.handshake("testApp");
            assertThat(other.request("{call:[1,'testInterface'],delayedEcho:[10,'still works']}"))
                    .isEqualTo("{callback:[1],ok:['still works']}");
        }
    }

    @Test
    void timersAndPayloadsAreBoundedPerSession() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            String big = "b".repeat(64 * 1024 + 1);
            assertThat(c.request("{call:[1,'testInterface'],emitLater:[10,'e','" + big + "']}"))
                    .startsWith("{callback:[1],error:[41,");
            assertThat(c.request("{call:[2,'testInterface'],delayedEcho:[10,'" + big + "']}"))
                    .startsWith("{callback:[2],error:[41,");
            String large = "l".repeat(65_000);
            for (int i = 3; i < 3 + 16; i++) { // 16 x 65,000 characters: just under the 1 Mi per session
                assertThat(c.request("{call:[" + i + ",'testInterface'],emitLater:[50000,'e','" + large + "']}"))
                        .isEqualTo("{callback:[" + i + "],ok:[]}");
            }
            assertThat(c.request("{call:[30,'testInterface'],emitLater:[50000,'e','" + large + "']}"))
                    .startsWith("{callback:[30],error:[22,");
            assertThat(c.request("{call:[31,'calculator'],answer:[]}")).isEqualTo("{callback:[31],ok:[42]}");
        }
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            for (int i = 1; i <= 256; i++) {
                assertThat(c.request("{call:[" + i + ",'testInterface'],emitLater:[50000,'e',1]}"))
                        .isEqualTo("{callback:[" + i + "],ok:[]}");
            }
            assertThat(c.request("{call:[300,'testInterface'],delayedEcho:[0,1]}"))
                    .startsWith("{callback:[300],error:[22,");
            assertThat(c.request("{call:[301,'calculator'],answer:[]}")).isEqualTo("{callback:[301],ok:[42]}");
        }
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            assertThat(c.request("{call:[1,'testInterface'],emitLater:[60001,'e',1]}"))
                    .startsWith("{callback:[1],error:[21,");
        }
    }

    @Test
    void recordedEventsKeepOnlyTheNewest() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            for (int i = 0; i < 300; i++) {
                c.send("{event:[-" + (i + 1) + ",'testInterface'],ev:[" + i + "]}");
            }
            Map<String, Object> reply = c.send("{call:[1,'testInterface'],getClientEvents:[]}").read();
            List<?> events = (List<?>) ((List<?>) reply.get("ok")).get(0);
            assertThat(events).hasSize(256);
            assertThat(events.get(0)).isEqualTo(List.of("ev", List.of(44L)));
            assertThat(events.get(255)).isEqualTo(List.of("ev", List.of(299L)));
        }
    }
}
