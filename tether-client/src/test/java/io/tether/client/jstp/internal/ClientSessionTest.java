package io.tether.client.jstp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.client.jstp.JstpApp;
import org.junit.jupiter.api.Test;

class ClientSessionTest {

    @Test
    void buffersUntilCumulativelyAcknowledged() {
        ClientSession s = new ClientSession("id", JstpApp.parse("app"), null, null, null);
        for (int i = 1; i <= 5; i++) {
            long id = s.nextId();
            s.buffer(id, "m" + id);
        }
        s.acknowledged(3);
        assertThat(s.unacknowledged()).containsExactly("m4", "m5");
        s.acknowledged(2); // regressing ack changes nothing
        assertThat(s.unacknowledged()).containsExactly("m4", "m5");
        assertThat(s.nextId()).isEqualTo(6);
        s.received(-1);
        s.received(-3);
        s.received(-2); // tolerated, count keeps the highest
        assertThat(s.receivedCount()).isEqualTo(3);
    }
}
