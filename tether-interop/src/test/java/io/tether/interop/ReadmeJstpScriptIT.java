package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.app.TetherApp;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The node script of the root README's JSTP section, run as written (only its port and
 * host are replaced) with the real {@code @metarhia/jstp} client, next to a telnet-style
 * socket user in {@code defaultRoom}: each hears the other.
 */
class ReadmeJstpScriptIT {
    private static final Pattern JS_BLOCK = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String readmeScript(int port) throws Exception {
        Matcher m = JS_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(m.find()).as("README has a ```js block").isTrue();
        String script = m.group(1);
        assertThat(script).contains("4000, 'localhost'");
        return script.replace("4000, 'localhost'", port + ", '127.0.0.1'");
    }

    @Test
    void readmeScriptCallsActionsAndChatsWithATelnetUser() throws Exception {
        Map<String, Object> config = Map.of("tether.socket.host", "127.0.0.1", "tether.socket.port", 0,
                "tether.jstp.host", "127.0.0.1", "tether.jstp.port", 0);
        try (TetherServer server = TetherApp.start(AppConfig.from(ConfigLoader.load(null, Map.of(), config), null));
             LineClient telnet = LineClient.connect("127.0.0.1", server.port("socket"))) {
            telnet.readLine(WAIT);
            telnet.send("roomAdd defaultRoom");
            assertThat(telnet.readLine(WAIT)).contains("\"data\":true");
            NodeScript.requirePeers();
            // beside node_modules, so require('@metarhia/jstp') resolves as for a user
            Path script = Files.writeString(Path.of("target", "readme-jstp.js"), readmeScript(server.port("jstp")));
            try (NodeProcess node = NodeProcess.start(script.toAbsolutePath(), Map.of())) {
                // the script's three calls run concurrently: their lines come in any order
                List<String> printed = node.awaitAll("randomNumber:", "cacheTest:",
                        "said in defaultRoom: hello from node");
                assertThat(printed.get(0)).matches("randomNumber: 0\\.\\d+(e-\\d+)?");
                assertThat(printed.get(1)).contains("key: 'cacheTest_myKey'", "value: 'myValue'");
                assertThat(untilContains(telnet, "hello from node")).contains("\"context\":\"user\"",
                        "\"room\":\"defaultRoom\"");
                telnet.send("say defaultRoom hi from telnet");
                node.await("said in defaultRoom: hi from telnet");
            }
        }
    }

    private static String untilContains(LineClient client, String text) {
        for (int i = 0; i < 20; i++) {
            String line = client.readLine(WAIT);
            assertThat(line).as("socket line before '%s'", text).isNotNull();
            if (line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no socket line containing " + text);
    }
}
