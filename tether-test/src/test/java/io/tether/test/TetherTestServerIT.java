package io.tether.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.app.TetherApplication;
import io.tether.client.jstp.JstpClient;
import io.tether.client.socket.SocketClient;
import io.tether.testkit.LineClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit's server: the application on free ports, both protocols, clients ready and closed with it. */
class TetherTestServerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TetherApplication APP = app -> app
            .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
            .jstp(JstpApplication.builder("kit", "1.0.0")
                    .iface(JstpInterface.builder("math").nonBlocking("twice", 1, ctx -> List.of((int) ctx.number(0) * 2))
                            .build())
                    .build())
            .room("lobby");

    @Test
    void servesTheApplicationOnBothProtocolsWithReadyClients() {
        try (TetherTestServer server = TetherTestServer.start(APP)) {
            assertThat(server.socketPort()).isPositive().isNotEqualTo(server.jstpPort());
            assertThat(server.socketClient().action("hello").join().get("hello")).isEqualTo("world");
            assertThat(server.jstpClient().callMethod("api", "hello").join()).containsExactly(Map.of("hello", "world"));
            assertThat(server.jstpClient("kit").callMethod("math", "twice", 21).join()).containsExactly(42L);
            LineClient raw = server.lineClient();
            raw.send("roomAdd lobby"); // the application's room exists: joining it succeeds
            assertThat(raw.readMap(WAIT)).containsEntry("data", true);
        }
    }

    @Test
    void closingClosesTheClientsItOpened() {
        LineClient raw;
        SocketClient socket;
        JstpClient jstp;
        try (TetherTestServer server = TetherTestServer.start(APP)) {
            raw = server.lineClient();
            socket = server.socketClient();
            jstp = server.jstpClient();
        }
        assertThat(raw.awaitClosed(WAIT)).isTrue();
        assertThatThrownBy(() -> socket.action("hello").join()).hasRootCauseInstanceOf(
                io.tether.client.ConnectionLostException.class);
        assertThatThrownBy(() -> jstp.callMethod("api", "hello").join()).hasRootCauseInstanceOf(
                io.tether.client.ConnectionLostException.class);
    }

    @Test
    void configurationKeysApplyAndAdminCanBeOn() throws Exception {
        try (TetherTestServer server = TetherTestServer.builder(APP)
                .config("tether.socket.welcome", "hi from the kit").config("tether.admin.port", 0).start()) {
            LineClient raw = LineClient.connect(TetherTestServer.HOST, server.socketPort());
            try (raw) {
                assertThat(raw.readMap(WAIT)).containsEntry("welcome", "hi from the kit");
            }
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.adminPort() + "/health/ready")).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBadKeyIsAConfigurationError() {
        assertThatThrownBy(() -> TetherTestServer.builder(APP).config("tether.socket.prot", 1).start())
                .isInstanceOf(TetherException.class)
                .satisfies(e -> assertThat(((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }
}
