package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ActionHero's own {@code ActionheroWebsocketClient} (Primus' client library as actionhero@29.3.5
 * renders it, in node) when the server shuts down: the listener ends the Primus connection the
 * way a Primus server does ({@code "primus::server::close"}, then close 1001), so the client ends
 * and schedules no reconnect.
 */
class PrimusShutdownIT {
    @Test
    void theRealClientEndsInsteadOfReconnectingWhenTheServerShutsDown() throws Exception {
        WebTestServer server = WebTestServer.start();
        try (NodeProcess client = NodeProcess.start(Path.of("src/test/node/ahws-server-end.js").toAbsolutePath(),
                Map.of(), WebTestServer.clientScript().toString(), server.origin())) {
            client.await("CONNECTED ");
            server.close();
            client.await("ENDED");
            String line = client.await("AFTER-END ");
            JsonNode after = JsonMapper.builder().build().readTree(line.substring(line.indexOf('{')));
            assertThat(after.get("reconnectScheduled").asInt()).as("reconnects scheduled: %s", line).isZero();
            assertThat(after.get("reconnecting").asInt()).isZero();
            assertThat(after.get("state").asString()).isEqualTo("disconnected");
            assertThat(client.exited(20)).isTrue();
        } finally {
            server.close();
        }
    }
}
