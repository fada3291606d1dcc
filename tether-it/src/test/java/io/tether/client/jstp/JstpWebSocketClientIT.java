package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.catchJoin;
import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.client.ClientTlsOptions;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.testing.JstpTestServer;
import io.tether.client.testing.TcpProxy;
import io.tether.testkit.TestCertificates;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java client's WebSocket transport against the server's HTTP listener: ws, wss, restore. */
class JstpWebSocketClientIT {
    private static JstpTestServer server;
    private static JstpTestServer tlsServer;
    private static TestCertificates certs;

    @BeforeAll
    static void start() {
        certs = TestCertificates.generate();
        server = JstpTestServer.start(null);
        tlsServer = JstpTestServer.start(certs);
    }

    @AfterAll
    static void stop() {
        server.close();
        tlsServer.close();
    }

    @Test
    void callsAndEventsOverWebSocket() {
        List<String> events = new CopyOnWriteArrayList<>();
        JstpClientListener listener = new JstpClientListener() {
            @Override
            public void onEvent(String iface, String event, List<Object> args) {
                events.add(event + args);
            }
        };
        try (JstpClient c = JstpClient.connect(options(server.httpPort()).webSocket("/jstp").listener(listener)
                .build(), "testApp")) {
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
            assertThat(c.callMethod("testInterface", "echo", List.of("x".repeat(100_000))).join())
                    .containsExactly(List.of("x".repeat(100_000)));
            c.callMethod("testInterface", "emitBack", "news", "hello").join();
            await().untilAsserted(() -> assertThat(events).containsExactly("news[hello]"));
            assertThat(c.callMethod("api", "randomNumber").join()).hasSize(1);
        }
    }

    @Test
    void callsOverSecureWebSocket() {
        try (JstpClient c = JstpClient.connect(options(tlsServer.httpPort()).host("localhost").webSocket("/jstp")
                .tls(ClientTlsOptions.pemCa(certs.certificatePem())).build(), "testApp")) {
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
        }
    }

    @Test
    void aRefusedUpgradeFailsTheConnect() {
        Throwable e = catchJoin(JstpClient.connectAsync(options(server.httpPort()).webSocket("/nope").build(),
                "testApp"));
        assertThat(e).hasCauseInstanceOf(ConnectionLostException.class);
        assertThat(e.getCause().getMessage()).contains("404");
    }

    @Test
    void aDroppedWebSocketIsRestoredByTheReconnector() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        JstpClientListener listener = new JstpClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                states.add(state);
            }

            @Override
            public void onEvent(String iface, String event, List<Object> args) {
                events.add(event + args);
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.httpPort());
             JstpClient c = JstpClient.connect(options(proxy.port()).webSocket("/jstp").listener(listener).build(),
                     "testApp")) {
            String session = c.session();
            c.callMethod("testInterface", "setValue", "kept").join();
            c.callMethod("testInterface", "emitLater", 300, "late", "while away").join();
            proxy.refuse(true);
            proxy.cutAll();
            await().untilAsserted(() -> assertThat(states).contains(ConnectionState.DISCONNECTED));
            Thread.sleep(400); // wall clock: the server's emitLater timer (300 ms) fires while offline
            CompletableFuture<List<Object>> offline = c.callMethod("testInterface", "add", 2, 3);
            proxy.refuse(false);
            await().untilAsserted(() -> assertThat(c.state()).isEqualTo(ConnectionState.RECONNECTED));
            assertThat(offline.join()).containsExactly(5L);
            await().untilAsserted(() -> assertThat(events).containsExactly("late[while away]"));
            assertThat(c.session()).isEqualTo(session);
            assertThat(c.callMethod("testInterface", "getValue").join()).containsExactly("kept");
        }
    }

    @Test
    void aTcpSessionRestoresOverWebSocketAndBack() {
        String session;
        try (JstpClient tcp = JstpClient.connect(options(server.port()).build(), "testApp")) {
            session = tcp.session();
            tcp.callMethod("testInterface", "setValue", "across").join();
        }
        try (JstpClient ws = JstpClient.connect(options(server.httpPort()).webSocket("/jstp").build())) {
            assertThat(ws.handshake("testApp", session).join()).isEqualTo(session);
            assertThat(ws.callMethod("testInterface", "getValue").join()).containsExactly("across");
            ws.callMethod("testInterface", "setValue", "back").join();
        }
        try (JstpClient tcp = JstpClient.connect(options(server.port()).build())) {
            assertThat(tcp.handshake("testApp", session).join()).isEqualTo(session);
            assertThat(tcp.callMethod("testInterface", "getValue").join()).containsExactly("back");
        }
    }
}
