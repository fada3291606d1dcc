package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.client.ConnectionState;
import io.tether.client.testing.JstpTestServer;
import io.tether.client.testing.TcpProxy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's events where the seed's Connection events say more: handshake, reconnectAttempt, heartbeat. */
class JstpClientEventsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static JstpTestServer server;

    @BeforeAll
    static void start() {
        server = JstpTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRestoreIsAHandshakeTooWithTheServersReceivedCount() throws Exception {
        List<String> handshakes = new CopyOnWriteArrayList<>();
        List<String> restores = new CopyOnWriteArrayList<>();
        List<ReconnectAttempt> attempts = new CopyOnWriteArrayList<>();
        JstpClientListener rec = new JstpClientListener() {
            @Override
            public void onHandshake(Throwable error, String sessionId) {
                handshakes.add(error == null ? sessionId : error.toString());
            }

            @Override
            public void onRestored(String sessionId, long receivedByServer) {
                restores.add(sessionId + ":" + receivedByServer);
            }

            @Override
            public void onReconnectAttempt(ReconnectAttempt attempt) {
                attempts.add(attempt);
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            String session = c.session();
            c.callMethod("testInterface", "setValue", "x").join();
            c.callMethod("testInterface", "getValue").join();
            await().atMost(WAIT).until(() -> handshakes.size() == 1);
            proxy.cutAll();
            await().atMost(WAIT).until(() -> c.state() == ConnectionState.RECONNECTED);
            await().atMost(WAIT).untilAsserted(() -> assertThat(handshakes).containsExactly(session, session));
            assertThat(restores).containsExactly(session + ":2");
            assertThat(attempts).isNotEmpty();
            ReconnectAttempt first = attempts.get(0);
            assertThat(first.attempt()).isEqualTo(1);
            assertThat(first.transport()).isEqualTo("net");
            assertThat(first.options().port()).isEqualTo(proxy.port());
            assertThat(first.options().host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theOldReconnectAttemptMethodStillHearsAttempts() throws Exception {
        AtomicInteger old = new AtomicInteger();
        JstpClientListener rec = new JstpClientListener() {
            @Override
            public void onReconnectAttempt(int attempt, Duration delay) {
                old.incrementAndGet();
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            proxy.cutAll();
            await().atMost(WAIT).until(() -> c.state() == ConnectionState.RECONNECTED);
            assertThat(old.get()).isPositive();
        }
    }

    @Test
    void aLegacyEmptyHeartbeatMessageIsAHeartbeatEvent() throws Exception {
        AtomicInteger heartbeats = new AtomicInteger();
        JstpClientListener rec = new JstpClientListener() {
            @Override
            public void onHeartbeat() {
                heartbeats.incrementAndGet();
            }
        };
        try (ServerSocket legacy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = legacy.accept()) {
                    InputStream in = s.getInputStream();
                    int b;
                    while ((b = in.read()) > 0) { // the handshake request, up to its NUL
                        // skip
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("{handshake:[0],ok:'legacy-session'}\0{}\0{}\0".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    while (in.read() >= 0) {
                        // until the client closes
                    }
                } catch (Exception ignored) {
                    // the test asserts on what the client saw
                }
            });
            try (JstpClient c = JstpClient.connect(options(legacy.getLocalPort()).listener(rec).build(), "app")) {
                assertThat(c.session()).isEqualTo("legacy-session");
                await().atMost(WAIT).until(() -> heartbeats.get() == 2);
            }
            peer.join(WAIT.toMillis());
        }
    }
}
