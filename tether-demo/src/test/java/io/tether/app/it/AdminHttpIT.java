package io.tether.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.Refusal;
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
            assertThat(get(server, "/health/ready").body()).isEqualTo("ready\n");
            assertThat(get(server, "/health/live").body()).isEqualTo("live\n");

            try (LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
                c.readLine(WAIT);
                c.send("randomNumber");
                assertThat(c.readMap(WAIT)).containsKey("randomNumber");
                c.send("cacheTest");
                assertThat(c.readMap(WAIT)).containsEntry("error", "key is a required parameter for this action");
                c.send("paramAdd messageId=" + "m".repeat(300)); // over the messageId bound: refused and counted
                assertThat(c.readMap(WAIT)).containsKey("error");
                String metrics = get(server, "/metrics").body();
                assertThat(metrics)
                        .contains("tether_actions_total{action=\"randomNumber\",outcome=\"ok\"} 1.0")
                        .contains("tether_connections{listener=\"socket\"} 1.0")
                        .contains("tether_connections{listener=\"jstp\"} 0.0")
                        .contains("tether_ready 1.0")
                        .contains("tether_refusals_total{reason=\"message_id_too_long\"} 1.0")
                        .contains("tether_refusals_total{reason=\"slow_consumer\"} 0.0")
                        .contains("tether_jstp_sessions_detached{listener=\"jstp\"} 0.0")
                        .contains("tether_jstp_session_buffer_bytes{listener=\"jstp\"} 0.0")
                        // Micrometer's JVM, process and Netty allocator meters
                        .contains("jvm_memory_used_bytes{").contains("jvm_gc_")
                        .contains("jvm_threads_live_threads").contains("process_cpu_usage")
                        .contains("process_uptime_seconds").contains("process_files_open_files")
                        .contains("netty_allocator_memory_used");
                // refused before the handler (validation) is not a run of the handler
                assertThat(metrics).doesNotContain("tether_actions_total{action=\"cacheTest\"");
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
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(server, "/health/live").statusCode()).as("stopping is still alive").isEqualTo(200);
        }
    }

    @Test
    void tlsReloadsAreCountedByListenerAndResult(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        io.tether.testkit.TestPki pki = io.tether.testkit.TestPki.create(dir);
        io.tether.testkit.TestPki.Issued cert = pki.server("server");
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0,
                "tether.socket.tls.cert", cert.certificatePem().toString(),
                "tether.socket.tls.key", cert.privateKeyPem().toString(),
                "tether.socket.tls.reload-check-interval", "0s"))) {
            assertThat(get(server, "/metrics").body())
                    .contains("tether_tls_reloads_total{listener=\"socket\",result=\"ok\"} 0.0")
                    .contains("tether_tls_reloads_total{listener=\"socket\",result=\"failed\"} 0.0")
                    .doesNotContain("tether_tls_reloads_total{listener=\"jstp\"");
            assertThat(server.reloadTls()).isZero();
            java.nio.file.Files.writeString(cert.certificatePem(), "broken");
            assertThat(server.reloadTls()).isEqualTo(1);
            assertThat(get(server, "/metrics").body())
                    .contains("tether_tls_reloads_total{listener=\"socket\",result=\"ok\"} 1.0")
                    .contains("tether_tls_reloads_total{listener=\"socket\",result=\"failed\"} 1.0");
        }
    }

    /** Sends {@code request} on a raw socket and returns the status line of the answer. */
    private static String rawStatusLine(TetherServer server, String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port("admin"))) {
            s.setSoTimeout((int) WAIT.toMillis());
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            return answer.lines().findFirst().orElse("");
        }
    }

    @Test
    void oversizedHeadersAnd414ForALongUri() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0))) {
            assertThat(rawStatusLine(server, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(10_000)
                    + "\r\n\r\n")).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
            assertThat(rawStatusLine(server, "GET /health?" + "q".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .isEqualTo("HTTP/1.1 414 Request-URI Too Long");
            assertThat(rawStatusLine(server, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"))
                    .isEqualTo("HTTP/1.1 200 OK");
            // a real client too
            HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port("admin") + "/health")).header("X-Big", "b".repeat(10_000)).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(431);
            assertThat(server.core().refusals().get(Refusal.MESSAGE_TOO_LARGE)).isEqualTo(3);
        }
    }

    @Test
    void aSilentOrDribblingConnectionIsClosedAfterTheRequestTimeout() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0,
                "tether.admin.request-timeout", "1s"))) {
            try (java.net.Socket silent = new java.net.Socket("127.0.0.1", server.port("admin"));
                 java.net.Socket dribbler = new java.net.Socket("127.0.0.1", server.port("admin"))) {
                silent.setSoTimeout((int) WAIT.toMillis());
                dribbler.setSoTimeout(200);
                long start = System.nanoTime();
                boolean closed = false;
                for (int i = 0; i < 40 && !closed; i++) { // a byte every 200 ms: never idle, never done
                    try {
                        dribbler.getOutputStream().write('G');
                        closed = dribbler.getInputStream().read() == -1;
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // keep dribbling
                    } catch (java.io.IOException reset) {
                        closed = true;
                    }
                }
                assertThat(closed).as("dribbler cut").isTrue();
                assertThat(silent.getInputStream().read()).isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
            }
            assertThat(server.core().refusals().get(Refusal.IDLE_TIMEOUT)).isEqualTo(2);
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
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
