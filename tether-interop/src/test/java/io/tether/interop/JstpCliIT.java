package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code jstp-cli}, the interactive client shipped in {@code @metarhia/jstp@2.3.0}, driven
 * through its stdin: each command is typed only after the previous one's answer appeared.
 */
class JstpCliIT {
    @Test
    void callsCalculatorAnswerOnTestApp() throws Exception {
        Map<String, Object> config = Map.of("tether.socket.host", "127.0.0.1", "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0, "tether.demo", "jstp-test");
        try (TetherServer server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), config), null));
             NodeProcess cli = NodeProcess.start(NodeScript.peerFile("@metarhia/jstp/bin/cli.js"),
                     Map.of("JSTP_CLI_HISTORY", ""))) {
            cli.type("connect jstp://127.0.0.1:" + server.port("jstp") + " testApp calculator");
            cli.await("Connection established");
            cli.type("call calculator answer");
            cli.await("Method calculator.answer returned:");
            assertThat(cli.await("42").strip()).isEqualTo("42");
            cli.type("call calculator divide 1, 0");
            cli.await("RemoteError occurred: Zero division");
            cli.type("exit");
            assertThat(cli.exited(10)).as("jstp-cli exited; output %s", cli.seen()).isTrue();
        }
    }
}
