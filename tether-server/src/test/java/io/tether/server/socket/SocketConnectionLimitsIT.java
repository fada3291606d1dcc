package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.LineClient;
import io.tether.testkit.TestCertificates;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 item 8 on the socket protocol: connections per listener and per address are
 * refused at accept (no welcome) while the others are still served; a connection without
 * traffic either way is told Bye and closed; a stalled TLS handshake is cut. One I/O thread.
 */
class SocketConnectionLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String WELCOME = "{\"welcome\":\"Welcome to the test api\",\"context\":\"api\"}";

    private final List<LineClient> clients = new ArrayList<>();
    private TetherCore core;
    private TetherServer server;

    private int start(UnaryOperator<SocketOptions.Builder> custom) {
        core = TetherCore.builder().action(TestActions.all()).room("defaultRoom").build();
        SocketOptions o = custom.apply(SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .welcomeMessage("Welcome to the test api")).build();
        server = TetherServer.builder(core).ioThreads(1).protocol(new SocketProtocolServer(core, o)).build().start();
        return server.port("socket");
    }

    private static UnaryOperator<SocketOptions.Builder> limits(UnaryOperator<ConnectionLimits.Builder> l) {
        return b -> b.connectionLimits(l.apply(ConnectionLimits.defaults().toBuilder()).build());
    }

    private LineClient client(String from, int port) {
        LineClient c = LineClient.connectFrom(from, "127.0.0.1", port);
        clients.add(c);
        return c;
    }

    private LineClient greeted(String from, int port) {
        LineClient c = client(from, port);
        assertThat(c.readLine(WAIT)).isEqualTo(WELCOME);
        return c;
    }

    private static void answered(LineClient c) {
        c.send("randomNumber");
        assertThat(c.readMap(WAIT)).containsKey("randomNumber");
    }

    @AfterEach
    void stop() {
        clients.forEach(LineClient::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void perAddressLimitRefusesOnlyThatAddressAndFreesItsSlots() {
        int port = start(limits(l -> l.maxConnectionsPerAddress(3)));
        List<LineClient> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(greeted("127.0.0.1", port));
        }
        LineClient refused = client("127.0.0.1", port);
        assertThat(refused.readLine(WAIT)).as("closed at accept, no welcome").isNull();
        assertThat(core.refusals().get(Refusal.CONNECTIONS_PER_ADDRESS)).isEqualTo(1);
        answered(first.get(0));
        answered(greeted("127.0.0.2", port));

        first.forEach(LineClient::close);
        // the slots come back once the connections are gone (the entry is freed, not leaked)
        long deadline = System.nanoTime() + WAIT.toNanos();
        LineClient again = null;
        while (again == null && System.nanoTime() < deadline) {
            LineClient c = client("127.0.0.1", port);
            if (c.readLine(WAIT) != null) {
                again = c;
            }
        }
        assertThat(again).isNotNull();
        greeted("127.0.0.1", port);
        greeted("127.0.0.1", port);
        assertThat(client("127.0.0.1", port).readLine(WAIT)).isNull();
    }

    @Test
    void perListenerLimitRefusesAnyAddress() {
        int port = start(limits(l -> l.maxConnections(3).maxConnectionsPerAddress(0)));
        LineClient a = greeted("127.0.0.1", port);
        greeted("127.0.0.1", port);
        greeted("127.0.0.2", port);
        assertThat(client("127.0.0.3", port).readLine(WAIT)).isNull();
        assertThat(core.refusals().get(Refusal.CONNECTIONS_PER_LISTENER)).isEqualTo(1);
        answered(a);
    }

    @Test
    void aSilentConnectionGetsByeAndIsClosedWhileActiveAndListeningOnesStay() throws Exception {
        int port = start(limits(l -> l.idleTimeout(Duration.ofMillis(600))));
        LineClient silent = greeted("127.0.0.1", port);
        LineClient listener = greeted("127.0.0.1", port);
        listener.send("roomAdd defaultRoom");
        assertThat(listener.readMap(WAIT)).containsEntry("data", true);
        LineClient talker = greeted("127.0.0.2", port);
        talker.send("roomAdd defaultRoom");
        assertThat(talker.readMap(WAIT)).containsEntry("data", true);
        for (int i = 0; i < 12; i++) { // 1.8 s: three idle timeouts
            talker.send("say defaultRoom hello " + i);
            assertThat(talker.readMap(WAIT)).containsEntry("status", "OK");
            assertThat(talker.readMap(WAIT)).containsEntry("context", "user");
            assertThat(listener.readMap(WAIT)).containsEntry("message", "hello " + i);
            Thread.sleep(150); // wall clock: traffic spread over more than the idle timeout
        }
        assertThat(silent.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
        assertThat(silent.awaitClosed(WAIT)).isTrue();
        assertThat(core.refusals().get(Refusal.IDLE_TIMEOUT)).isEqualTo(1);
        answered(talker);
        answered(listener);
    }

    @Test
    void idleTimeoutZeroIsOff() throws Exception {
        int port = start(limits(l -> l.idleTimeout(Duration.ZERO)));
        LineClient c = greeted("127.0.0.1", port);
        assertThat(c.isSilentFor(Duration.ofMillis(800))).isTrue();
        answered(c);
    }

    @Test
    void aStalledTlsHandshakeIsCutAndCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp)
            throws Exception {
        TestCertificates certs = TestCertificates.generate(temp);
        int port = start(b -> b.tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem()))
                .connectionLimits(ConnectionLimits.defaults().toBuilder()
                        .tlsHandshakeTimeout(Duration.ofMillis(500)).build()));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            raw.setSoTimeout(5000);
            assertThat(raw.getInputStream().read()).as("closed without a byte").isEqualTo(-1);
        }
        assertThat(core.refusals().get(Refusal.HANDSHAKE_TIMEOUT)).isEqualTo(1);
        assertThat(core.refusals().get(Refusal.IDLE_TIMEOUT)).isZero();
    }
}
