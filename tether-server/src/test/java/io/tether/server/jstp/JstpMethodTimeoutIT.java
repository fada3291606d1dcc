package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A JSTP-native method that outlives the method deadline is answered [24, message] and frees its slot. */
class JstpMethodTimeoutIT {
    @Test
    void lateNativeMethodIsAnsweredWithTheTimeoutCode() throws Exception {
        try (JstpTestServer server = new JstpTestServer(b -> b.methodTimeout(Duration.ofMillis(300))
                .maxInFlightCalls(1));
             JstpTestClient c = server.client()) {
            c.handshake("testApp");
            assertThat(c.request("{call:[1,'testInterface'],delayedEcho:[5000,'late']}"))
                    .isEqualTo("{callback:[1],error:[24,'the method timed out after 300 ms']}");
            // the only in-flight slot was released: the next call is read and answered
            assertThat(c.request("{call:[2,'testInterface'],delayedEcho:[10,'quick']}"))
                    .isEqualTo("{callback:[2],ok:['quick']}");
        }
    }
}
