package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.testkit.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real {@code @metarhia/jstp@2.3.0} client's WebSocket transport ({@code jstp.ws}) against
 * the runnable server's HTTP listener ({@code tether.http}, path {@code /jstp}, in-process, ports
 * 0): actions and chat, a dropped WebSocket restored by the client's own reconnector, a session
 * moved from TCP to WebSocket and back, and the same over {@code wss:}.
 */
class JstpWebSocketNodeClientIT {
    private static TetherServer server;

    @BeforeAll
    static void start() {
        server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli(Map.of())), null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, Object> cli(Map<String, Object> extra) {
        Map<String, Object> cli = new java.util.HashMap<>(Map.of(
                "tether.socket.host", "127.0.0.1", "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0,
                "tether.http.enabled", true, "tether.http.host", "127.0.0.1", "tether.http.port", 0,
                "tether.demo", "jstp-test"));
        cli.putAll(extra);
        return cli;
    }

    private static JsonNode run(TetherServer target, Map<String, String> env, String scenario, String... more)
            throws Exception {
        String[] args = new String[4 + more.length];
        args[0] = "127.0.0.1";
        args[1] = String.valueOf(target.port("http"));
        args[2] = String.valueOf(target.port("jstp"));
        args[3] = scenario;
        System.arraycopy(more, 0, args, 4, more.length);
        NodeScript.Result result = NodeScript.run("jstp-ws-session.js", env, args);
        assertThat(result.exitCode()).as("node output:%n%s", result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("SESSION-OK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION-OK line in:\n" + result.output()));
        return JsonMapper.builder().build().readTree(line.substring("SESSION-OK ".length()));
    }

    @Test
    void actionsAndChatOverWebSocket() throws Exception {
        JsonNode summary = run(server, Map.of(), "api");
        assertThat(summary.get("validationError").get(0).asInt()).as("PARAM_INVALID").isEqualTo(21);
        assertThat(summary.get("random").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("secure").asBoolean()).isFalse();
    }

    @Test
    void aDroppedWebSocketIsRestoredByTheClient() throws Exception {
        assertThat(run(server, Map.of(), "reconnect").get("sessionId").asString()).isNotBlank();
    }

    @Test
    void aSessionMovesFromTcpToWebSocketAndBack() throws Exception {
        assertThat(run(server, Map.of(), "cross").get("sessionId").asString()).isNotBlank();
    }

    @Test
    void actionsAndChatOverSecureWebSocket(@TempDir Path certDir) throws Exception {
        TestCertificates certs = TestCertificates.generate(certDir);
        Map<String, Object> tls = Map.of("tether.http.tls.cert", certs.certificatePem().toString(),
                "tether.http.tls.key", certs.privateKeyPem().toString());
        try (TetherServer secure = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli(tls)), null))) {
            JsonNode summary = run(secure, Map.of("NODE_TLS_REJECT_UNAUTHORIZED", "0"), "api", "wss");
            assertThat(summary.get("secure").asBoolean()).isTrue();
        }
    }
}
