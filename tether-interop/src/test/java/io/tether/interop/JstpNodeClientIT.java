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
 * The real {@code @metarhia/jstp@2.3.0} client against the runnable server's JSTP listener
 * (in-process, {@code --demo jstp-test}, ports 0): the test application, a dropped transport
 * restored by the client's own reconnector, the actions as {@code api} (also over TLS), and
 * chat with a real
 * {@code actionhero-node-client} in the same room.
 */
class JstpNodeClientIT {
    private static TetherServer server;

    @BeforeAll
    static void start() {
        Map<String, Object> cli = Map.of(
                "tether.socket.host", "127.0.0.1",
                "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1",
                "tether.jstp.port", 0,
                // logins hash with the recommended PBKDF2 cost; on a loaded machine that exceeds the
                // default 3 s handshake deadline, which is not what this interop test is about
                "tether.jstp.handshake-timeout", "30s",
                "tether.demo", "jstp-test");
        server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli), null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode run(String script, String... args) throws Exception {
        NodeScript.Result result = NodeScript.run(script, Map.of(), args);
        assertThat(result.exitCode()).as("node %s output:%n%s", script, result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("SESSION-OK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION-OK line in:\n" + result.output()));
        return JsonMapper.builder().build().readTree(line.substring("SESSION-OK ".length()));
    }

    private static JsonNode session(String scenario) throws Exception {
        return run("jstp-client-session.js", "127.0.0.1", String.valueOf(server.port("jstp")), scenario);
    }

    @Test
    void testApplicationCallsEventsLoginAndVersions() throws Exception {
        assertThat(session("testapp").get("sessionId").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void droppedTransportIsRestoredByTheClientWithNothingLost() throws Exception {
        assertThat(session("reconnect").get("sessionId").asString()).isNotBlank();
    }

    @Test
    void actionsThroughTheApiInterface() throws Exception {
        JsonNode summary = session("api");
        assertThat(summary.get("validationError").get(0).asInt()).as("PARAM_INVALID").isEqualTo(21);
        assertThat(summary.get("validationError").get(1).asString())
                .isEqualTo("inputs should be at least 3 letters long");
        assertThat(summary.get("random").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("encrypted").asBoolean()).isFalse();
    }

    @Test
    void actionsOverTls(@TempDir Path certDir) throws Exception {
        TestCertificates certs = TestCertificates.generate(certDir);
        Map<String, Object> cli = Map.of("tether.socket.host", "127.0.0.1", "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0,
                "tether.jstp.tls.cert", certs.certificatePem().toString(),
                "tether.jstp.tls.key", certs.privateKeyPem().toString(), "tether.demo", "jstp-test",
                "tether.jstp.handshake-timeout", "30s");
        try (TetherServer secure = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli), null))) {
            NodeScript.Result result = NodeScript.run("jstp-client-session.js",
                    Map.of("NODE_TLS_REJECT_UNAUTHORIZED", "0"), "127.0.0.1",
                    String.valueOf(secure.port("jstp")), "api", "tls");
            assertThat(result.exitCode()).as("node output:%n%s", result.output()).isZero();
            assertThat(result.output()).contains("\"encrypted\":true");
        }
    }

    @Test
    void jstpAndSocketClientsChatInOneRoom() throws Exception {
        JsonNode summary = run("jstp-socket-chat.js", "127.0.0.1", String.valueOf(server.port("jstp")),
                String.valueOf(server.port("socket")));
        assertThat(summary.get("line").get("context").asString()).isEqualTo("user");
        assertThat(summary.get("jstpFrom").asString()).isNotEqualTo(summary.get("socketFrom").asString());
    }
}
