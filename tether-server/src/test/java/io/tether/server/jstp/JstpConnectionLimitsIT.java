package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.limits.ConnectionLimits;
import io.tether.testkit.JstpFrameClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 item 8 on JSTP: connections per listener and per address are refused at accept;
 * an established connection without traffic is closed after the idle timeout; the handshake
 * timeout is counted. One I/O thread.
 */
class JstpConnectionLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<JstpFrameClient> clients = new ArrayList<>();
    private TetherCore core;
    private TetherServer server;

    private int start(UnaryOperator<JstpOptions.Builder> custom) {
        core = TetherCore.builder().action(JstpTestServer.echoAction()).room("defaultRoom").build();
        JstpOptions o = custom.apply(JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)).build();
        server = TetherServer.builder(core).ioThreads(1).protocol(new JstpProtocolServer(core, o)).build().start();
        return server.port("jstp");
    }

    private static UnaryOperator<JstpOptions.Builder> limits(UnaryOperator<ConnectionLimits.Builder> l) {
        return b -> b.connectionLimits(l.apply(ConnectionLimits.defaults().toBuilder()).build());
    }

    private JstpFrameClient connect(String from, int port) {
        JstpFrameClient c = JstpFrameClient.connectFrom(from, "127.0.0.1", port);
        clients.add(c);
        return c;
    }

    private JstpFrameClient established(String from, int port) {
        JstpFrameClient c = connect(from, port);
        assertThat(c.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:");
        return c;
    }

    private static void answered(JstpFrameClient c, int id) {
        assertThat(c.request("{call:[" + id + ",'api'],echo:['hi']}", WAIT)).startsWith("{callback:[" + id + "],ok:");
    }

    @AfterEach
    void stop() {
        clients.forEach(JstpFrameClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void perAddressAndPerListenerLimitsRefuseAtAccept() {
        int port = start(limits(l -> l.maxConnections(4).maxConnectionsPerAddress(2)));
        JstpFrameClient a = established("127.0.0.1", port);
        established("127.0.0.1", port);
        JstpFrameClient refused = connect("127.0.0.1", port);
        assertThat(refused.closedWithin(WAIT)).isTrue();
        assertThat(core.refusals().get(Refusal.CONNECTIONS_PER_ADDRESS)).isEqualTo(1);
        answered(a, 1);
        JstpFrameClient b = established("127.0.0.2", port);
        established("127.0.0.2", port);
        assertThat(connect("127.0.0.3", port).closedWithin(WAIT)).isTrue();
        assertThat(core.refusals().get(Refusal.CONNECTIONS_PER_LISTENER)).isEqualTo(1);
        answered(b, 1);
        answered(a, 2);
    }

    @Test
    void anIdleEstablishedConnectionIsClosedAndCounted() throws Exception {
        int port = start(limits(l -> l.idleTimeout(Duration.ofMillis(600))));
        JstpFrameClient idle = established("127.0.0.1", port);
        JstpFrameClient busy = established("127.0.0.2", port);
        for (int i = 1; i <= 10; i++) { // 1.5 s: more than two idle timeouts
            answered(busy, i);
            Thread.sleep(150); // wall clock: traffic spread over more than two idle timeouts
        }
        assertThat(idle.closedWithin(WAIT)).isTrue();
        assertThat(core.refusals().get(Refusal.IDLE_TIMEOUT)).isEqualTo(1);
        answered(busy, 11);
    }

    @Test
    void theHandshakeTimeoutIsCounted() {
        int port = start(b -> b.handshakeTimeout(Duration.ofMillis(300)));
        JstpFrameClient silent = connect("127.0.0.1", port);
        assertThat(silent.closedWithin(WAIT)).isTrue();
        assertThat(core.refusals().get(Refusal.HANDSHAKE_TIMEOUT)).isEqualTo(1);
        answered(established("127.0.0.1", port), 1);
    }
}
