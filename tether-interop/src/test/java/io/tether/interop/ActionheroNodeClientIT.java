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
 * The real {@code actionhero-node-client@8.0.1} against the demo app, over plain TCP and
 * over the second, TLS listener of the same server: connect, details, params, actions,
 * rooms, chat between two clients, disconnect.
 */
class ActionheroNodeClientIT {
    private static final String WELCOME = "Welcome to the tether interop api";
    @TempDir
    static Path certDir;
    private static TetherServer server;

    @BeforeAll
    static void start() {
        TestCertificates certs = TestCertificates.generate(certDir);
        Map<String, Object> cli = Map.of(
                "tether.socket.host", "127.0.0.1",
                "tether.socket.port", 0,
                "tether.socket.welcome", WELCOME,
                "tether.socket.tls.cert", certs.certificatePem().toString(),
                "tether.socket.tls.key", certs.privateKeyPem().toString(),
                "tether.socket.tls.port", 0,
                "tether.jstp.host", "127.0.0.1",
                "tether.jstp.port", 0);
        server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), cli), null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode session(int port, boolean secure) throws Exception {
        Map<String, String> env = secure ? Map.of("NODE_TLS_REJECT_UNAUTHORIZED", "0") : Map.of();
        NodeScript.Result result = NodeScript.run("actionhero-client-session.js", env, "127.0.0.1",
                String.valueOf(port), String.valueOf(secure), WELCOME);
        assertThat(result.exitCode()).as("node session output:%n%s", result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("SESSION-OK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION-OK line in:\n" + result.output()));
        return JsonMapper.builder().build().readTree(line.substring("SESSION-OK ".length()));
    }

    @Test
    void plainTcpSession() throws Exception {
        JsonNode summary = session(server.port("socket"), false);
        assertThat(summary.get("secure").asBoolean()).isFalse();
        assertThat(summary.get("heard").asString()).isEqualTo("hello from a");
        assertThat(summary.get("a").asString()).isNotEqualTo(summary.get("b").asString());
    }

    @Test
    void tlsSession() throws Exception {
        assertThat(server.port("socket-tls")).isNotEqualTo(server.port("socket"));
        JsonNode summary = session(server.port("socket-tls"), true);
        assertThat(summary.get("secure").asBoolean()).isTrue();
        assertThat(summary.get("cacheValue").asString()).isEqualTo("nodeValue");
    }
}
