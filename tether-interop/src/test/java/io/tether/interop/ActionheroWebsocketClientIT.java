package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ActionHero's own browser client, {@code ActionheroWebsocketClient} with Primus' client library
 * as actionhero@29.3.5 renders them, unchanged, in node (the {@code ws} package as the browser's
 * WebSocket), against the Primus endpoint: welcome, details, actions (a validation error, an
 * unknown action), rooms, chat between two clients, documentation, file, an unknown event and a
 * frame that is not JSON (a clear error, the connection goes on).
 */
class ActionheroWebsocketClientIT {
    private static WebTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRealClientCallsActionsAndChats() throws Exception {
        NodeScript.Result result = NodeScript.run("ahws-client-session.js", Map.of(),
                WebTestServer.clientScript().toString(), server.origin(), WebTestServer.WELCOME);
        assertThat(result.exitCode()).as("node session output:%n%s", result.output()).isZero();
        String line = result.output().lines().filter(l -> l.startsWith("SESSION-OK ")).findFirst()
                .orElseThrow(() -> new AssertionError("no SESSION-OK line in:\n" + result.output()));
        JsonNode summary = JsonMapper.builder().build().readTree(line.substring("SESSION-OK ".length()));
        assertThat(summary.get("heard").asString()).isEqualTo("hello from b");
        assertThat(summary.get("unknown").asString()).isEqualTo("Error: verb not found or not allowed (nope)");
        assertThat(summary.get("frameError").asString()).startsWith("malformed JSON");
    }
}
