package io.tether.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Provokes each operations meter over real sockets and reads it back from /metrics: action
 * latency by outcome (ok, validation, timeout, error), validation failures, unknown actions,
 * refused connections, a slow consumer cut off, JSTP restores (ok and failed).
 */
class ActionMetricsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    private String metrics(TetherServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port("admin") + "/metrics")).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void actionLatencyByOutcomeAndTheRequestCounters() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0, "tether.actions.timeout", "2s"))) {
            try (LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
                c.readLine(WAIT);
                c.send("randomNumber");
                assertThat(c.readMap(WAIT)).containsKey("randomNumber");
                c.send("cacheTest");
                assertThat(c.readMap(WAIT)).containsEntry("error", "key is a required parameter for this action");
                c.send("noSuchAction");
                assertThat(c.readMap(WAIT)).containsKey("error");
                c.send("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":10000}}");
                assertThat(String.valueOf(c.readMap(WAIT).get("error"))).contains("timed out");
            }
            String m = metrics(server);
            assertThat(m)
                    .contains("tether_action_duration_seconds_count{action=\"randomNumber\",outcome=\"ok\"} 1")
                    .contains("tether_action_duration_seconds_bucket{action=\"randomNumber\",outcome=\"ok\",le=\"10.0\"} 1")
                    .contains("tether_action_duration_seconds_count{action=\"cacheTest\",outcome=\"validation\"} 1")
                    .contains("tether_action_duration_seconds_count{action=\"sleepTest\",outcome=\"timeout\"} 1")
                    .contains("tether_action_duration_seconds_count{action=\"randomNumber\",outcome=\"error\"} 0")
                    .contains("tether_action_validation_failures_total{action=\"cacheTest\"} 1.0")
                    .contains("tether_action_validation_failures_total{action=\"randomNumber\"} 0.0")
                    .contains("tether_actions_unknown_total 1.0")
                    .doesNotContain("noSuchAction");
            // the timeout took the 2 s deadline: in the 2.5 s bucket, not in the 1 s one
            assertThat(sample(m, "tether_action_duration_seconds_bucket{action=\"sleepTest\",outcome=\"timeout\",le=\"1.0\"}"))
                    .isZero();
            assertThat(sample(m, "tether_action_duration_seconds_bucket{action=\"sleepTest\",outcome=\"timeout\",le=\"10.0\"}"))
                    .isEqualTo(1.0);
            // its interrupted handler ended after the deadline answered: a run, counted by what it returned
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> sample(metrics(server),
                    "tether_actions_total{action=\"sleepTest\",outcome=\"action_timeout\"}") == 1.0);
            assertThat(m).contains("tether_actions_total{action=\"randomNumber\",outcome=\"ok\"} 1.0")
                    .doesNotContain("tether_actions_total{action=\"cacheTest\"");
        }
    }

    @Test
    void eachActionMeterRecordsARealCallOverBothProtocols() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0))) {
            try (LineClient c = LineClient.connect("127.0.0.1", server.port("socket"))) {
                c.readLine(WAIT);
                c.send("randomNumber");
                assertThat(c.readMap(WAIT)).containsKey("randomNumber");
            }
            try (Socket s = jstp(server.port("jstp"))) {
                send(s, "{handshake:[0,'tether']}");
                assertThat(read(s)).startsWith("{handshake:[0],ok:");
                send(s, "{call:[1,'api'],randomNumber:[]}");
                assertThat(read(s)).startsWith("{callback:[1],ok:[");
            }
            String m = metrics(server);
            String ok = "{action=\"randomNumber\",outcome=\"ok\"";
            assertThat(sample(m, "tether_actions_total" + ok + "}")).as("runs").isEqualTo(2.0);
            assertThat(sample(m, "tether_action_duration_seconds_count" + ok + "}")).as("timed runs").isEqualTo(2.0);
            assertThat(sample(m, "tether_action_duration_seconds_bucket" + ok + ",le=\"+Inf\"}")).isEqualTo(2.0);
            assertThat(sample(m, "tether_action_duration_seconds_sum" + ok + "}")).as("time taken").isPositive();
            assertThat(sample(m, "tether_action_duration_seconds_max" + ok + "}")).as("slowest").isPositive()
                    .isLessThanOrEqualTo(sample(m, "tether_action_duration_seconds_sum" + ok + "}"));
            assertThat(m).contains("# TYPE tether_action_duration_seconds histogram")
                    .contains("# TYPE tether_action_duration_seconds_max gauge")
                    .contains("# TYPE tether_actions_total counter");
        }
    }

    @Test
    void refusedConnectionsAndASlowConsumerAreCounted() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0,
                "tether.socket.max-connections", 2, "tether.socket.max-outbound-bytes", 65536))) {
            try (LineClient sender = LineClient.connect("127.0.0.1", server.port("socket"));
                 Socket reader = new Socket()) {
                sender.readLine(WAIT);
                // a member of the room that never reads, with a small receive window
                reader.setReceiveBufferSize(8 * 1024);
                reader.connect(new InetSocketAddress("127.0.0.1", server.port("socket")));
                reader.setSoTimeout((int) WAIT.toMillis());
                InputStream in = reader.getInputStream();
                for (int b; (b = in.read()) != '\n'; ) { // its welcome: admitted (counted) before the third connects
                    assertThat(b).as("welcome line").isNotNegative();
                }
                reader.getOutputStream().write("roomAdd defaultRoom\n".getBytes(StandardCharsets.UTF_8));
                // the third connection is one over the listener's limit
                try (Socket third = new Socket("127.0.0.1", server.port("socket"))) {
                    third.setSoTimeout((int) WAIT.toMillis());
                    assertThat(third.getInputStream().read()).as("closed at accept").isEqualTo(-1);
                }
                sender.send("roomAdd defaultRoom");
                assertThat(sender.readMap(WAIT)).containsEntry("status", "OK");
                String big = "x".repeat(32 * 1024);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                double cut = 0;
                for (int i = 0; cut == 0 && System.nanoTime() < deadline; i++) {
                    sender.send("say defaultRoom " + big);
                    assertThat(sender.readMap(WAIT)).containsEntry("status", "OK");
                    assertThat(sender.readMap(WAIT)).containsKey("message"); // its own copy
                    if (i % 16 == 15) {
                        cut = sample(metrics(server), "tether_refusals_total{reason=\"slow_consumer\"}");
                    }
                }
                assertThat(cut).as("the reader was cut off as a slow consumer").isEqualTo(1.0);
            }
            assertThat(metrics(server)).contains("tether_refusals_total{reason=\"connections_per_listener\"} 1.0");
        }
    }

    @Test
    void jstpRestoresAreCountedByResult() throws Exception {
        try (TetherServer server = TestServers.start(Map.of("tether.admin.port", 0))) {
            int port = server.port("jstp");
            String id;
            try (Socket s = jstp(port)) {
                send(s, "{handshake:[0,'tether']}");
                Matcher m = Pattern.compile("ok:'([0-9a-f-]{36})'").matcher(read(s));
                assertThat(m.find()).isTrue();
                id = m.group(1);
            }
            try (Socket s = jstp(port)) {
                send(s, "{handshake:[0,'tether'],session:['" + id + "',0]}");
                assertThat(read(s)).startsWith("{handshake:[0],ok:");
            }
            try (Socket s = jstp(port)) {
                send(s, "{handshake:[0,'tether'],session:['00000000-0000-4000-8000-000000000000',0]}");
                assertThat(read(s)).startsWith("{handshake:[0],error:");
            }
            String m = metrics(server);
            assertThat(m).contains("tether_jstp_restores_total{listener=\"jstp\",result=\"ok\"} 1.0")
                    .contains("tether_jstp_restores_total{listener=\"jstp\",result=\"failed\"} 1.0");
        }
    }

    private static Socket jstp(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout((int) WAIT.toMillis());
        return s;
    }

    private static void send(Socket s, String message) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write((message + "\0").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String read(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != 0; ) {
            if (b < 0) {
                throw new AssertionError("closed after " + buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** The value of the sample line starting with {@code series} (name and labels), or 0 when absent. */
    private static double sample(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }
}
