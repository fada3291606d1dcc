package io.tether.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admin listener over real HTTP: health, readiness on shutdown, metrics from live state. */
class AdminHttpIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    private HttpResponse<String> get(TetherServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port("admin") + path))
                .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthMetricsAndErrors() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0))) {
            HttpResponse<String> health = get(server, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ready\n");

            try (LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
                c.readLine(WAIT);
                c.send("randomNumber");
                assertThat(c.readMap(WAIT)).containsKey("randomNumber");
                c.send("cacheTest");
                assertThat(c.readMap(WAIT)).containsEntry("error", "key is a required parameter for this action");
                String metrics = get(server, "/metrics").body();
                assertThat(metrics)
                        .contains("tether_actions_total{action=\"randomNumber\",outcome=\"ok\"} 1.0")
                        .contains("tether_connections{listener=\"socket\"} 1.0")
                        .contains("tether_connections{listener=\"jstp\"} 0.0")
                        .contains("tether_ready 1.0");
                // refused before the handler (validation) is not a run of the handler
                assertThat(metrics).doesNotContain("action=\"cacheTest\"");
            }
            assertThat(get(server, "/nope").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port("admin") + "/health")).POST(HttpRequest.BodyPublishers.ofString("x"))
                    .timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);

            server.core().beginShutdown();
            HttpResponse<String> stopping = get(server, "/health");
            assertThat(stopping.statusCode()).isEqualTo(503);
            assertThat(stopping.body()).isEqualTo("not ready\n");
        }
    }

    @Test
    void offByDefault() {
        try (TetherServer server = TestServers.start(Map.of())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.port("admin"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
