package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At the in-flight call limit the server stops reading from the connection until calls finish. */
class JstpBackPressureIT {
    @Test
    void readingPausesAtTheInFlightLimit() throws Exception {
        try (JstpTestServer server = new JstpTestServer(b -> b.maxInFlightCalls(2));
             JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{call:[1,'testInterface'],delayedEcho:[400,'a']}")
                    .send("{call:[2,'testInterface'],delayedEcho:[400,'b']}");
            Thread.sleep(150); // wall clock: both slow calls are in flight when the ping comes
            c.send("{ping:[3]}");
            assertThat(c.readText()).startsWith("{callback:[");
            assertThat(java.util.List.of(c.readText(), c.readText())).contains("{pong:[3]}");
        }
        try (JstpTestServer server = new JstpTestServer(); JstpTestClient c = server.client()) {
            c.handshake("testApp");
            c.send("{call:[1,'testInterface'],delayedEcho:[400,'a']}")
                    .send("{call:[2,'testInterface'],delayedEcho:[400,'b']}");
            Thread.sleep(150); // wall clock: both slow calls are in flight when the ping comes
            assertThat(c.request("{ping:[3]}")).isEqualTo("{pong:[3]}");
        }
    }
}
