package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.uring.IoUring;
import io.tether.api.Action;
import io.tether.core.TetherCore;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.HttpResource;
import io.tether.server.http.WebRoutes;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.WsTestClient;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.LineClient;
import io.tether.testkit.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every listener kind on the io_uring transport ({@link Transport#IO_URING}): the socket protocol
 * plain and over TLS, JSTP over TCP, and the HTTP listener (a resource and JSTP over WebSocket).
 * Where io_uring is not available the server does not start and every test fails with the
 * reason: this test never skips. The unix-domain listeners over io_uring are in
 * {@link UnixSocketIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IoUringTransportIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path temp;
    private TestCertificates certs;
    private TetherServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        assertThat(IoUring.isAvailable())
                .as("io_uring is not available here: %s", IoUring.unavailabilityCause()).isTrue();
        certs = TestCertificates.generate(temp.resolve("certs"));
        TetherCore core = TetherCore.builder()
                .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
                .room("defaultRoom").build();
        JstpProtocolServer jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
                .host("127.0.0.1").port(0).build());
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).welcomeMessage("hi").build()))
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().name("socket-tls")
                        .host("127.0.0.1").port(0).welcomeMessage("hi")
                        .tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem())).build()))
                .protocol(jstp)
                .protocol(new HttpProtocolServer(core, HttpOptions.builder().host("127.0.0.1").port(0).build(),
                        WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint())
                                .resource("/", HttpResource.of("text/plain", "up".getBytes(StandardCharsets.UTF_8)))
                                .build()))
                .transport(Transport.IO_URING).build().start();
    }

    @AfterAll
    void stop() {
        http.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theServerRunsOnIoUring() {
        assertThat(server.transportName()).isEqualTo("io_uring");
    }

    @Test
    void socketProtocolPlainAndTlsAnswerAndARoomSayReachesTheOtherConnection() {
        try (LineClient plain = LineClient.connect("127.0.0.1", server.port("socket"));
             LineClient tls = LineClient.connectTls("127.0.0.1", server.port("socket-tls"), certs.trustStore())) {
            for (LineClient c : new LineClient[] {plain, tls}) {
                assertThat(c.readLine(WAIT)).isEqualTo("{\"welcome\":\"hi\",\"context\":\"api\"}");
                c.send("hello");
                assertThat(c.readMap(WAIT)).containsEntry("hello", "world");
                c.send("roomAdd defaultRoom");
                assertThat(c.readMap(WAIT)).containsEntry("data", true);
            }
            plain.send("say defaultRoom over io_uring");
            assertThat(plain.readMap(WAIT)).containsEntry("status", "OK");
            assertThat(plain.readMap(WAIT)).containsEntry("message", "over io_uring");
            assertThat(tls.readMap(WAIT)).containsEntry("message", "over io_uring")
                    .containsEntry("room", "defaultRoom");
        }
    }

    @Test
    void jstpOverTcpAnswersACall() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port("jstp"))) {
            s.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("{handshake:[0,'tether']}\0".getBytes(StandardCharsets.UTF_8));
            assertThat(readUntilNul(in)).startsWith("{handshake:[0],ok:'");
            out.write("{call:[1,'api'],hello:[]}\0".getBytes(StandardCharsets.UTF_8));
            assertThat(readUntilNul(in)).isEqualTo("{callback:[1],ok:[{hello:'world'}]}");
        }
    }

    @Test
    void httpListenerServesAResourceAndJstpOverWebSocket() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.port("http") + "/");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("up");

        try (WsTestClient ws = WsTestClient.jstp(server.port("http"))) {
            ws.handshake("tether");
            assertThat(ws.request("{call:[1,'api'],hello:[]}")).isEqualTo("{callback:[1],ok:[{hello:'world'}]}");
        }
    }

    private static String readUntilNul(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != 0; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("closed before a whole message: " + b);
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
