package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.Admission;
import io.tether.client.ConnectionState;
import io.tether.client.testing.TcpProxy;
import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.testkit.jstp.JstpTestApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java client against a server whose connection policy refuses every restore: after a
 * transport loss the client's restore handshake is answered {@code [11]}, and the client does
 * what it does for a session the server no longer knows: it opens a new session (which the
 * policy accepts) and reports the reset.
 */
class JstpRestorePolicyIT {

    @Test
    void aRefusedRestoreMakesTheClientStartANewSession() throws Exception {
        TetherCore core = TetherCore.builder().connectionPolicy(attempt -> attempt.restore()
                ? Admission.refuse("no restores here") : Admission.accept()).build();
        JstpOptions.Builder b = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0);
        JstpTestApp.applications().forEach(b::application);
        JstpSessionRestoreIT.Recorder rec = new JstpSessionRestoreIT.Recorder();
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, b.build()))
                .build().start();
             TcpProxy proxy = new TcpProxy(server.port("jstp"));
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            String session = c.session();
            c.callMethod("testInterface", "setValue", "kept").join();
            proxy.refuse(true);
            proxy.cutAll();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(rec.states).contains(ConnectionState.DISCONNECTED));
            proxy.refuse(false);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(c.state()).isEqualTo(ConnectionState.RECONNECTED));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rec.resets).hasSize(1));
            assertThat(rec.resets.getFirst()).startsWith(session + "->").doesNotEndWith("->" + session + ":0");
            assertThat(c.session()).isNotEqualTo(session);
            assertThat(core.refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
            // the restore was sent and refused; the new session does not have the old one's data
            assertThat(rec.sent.stream().filter(t -> t.contains("session:['" + session + "'")).toList()).isNotEmpty();
            List<Object> value = c.callMethod("testInterface", "getValue").join();
            assertThat(value).doesNotContain("kept");
        } finally {
            core.close();
        }
    }
}
