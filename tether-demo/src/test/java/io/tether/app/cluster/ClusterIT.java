package io.tether.app.cluster;

import static io.tether.app.cluster.ClusterNodes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.codec.mdsf.Mdsf;
import io.tether.server.TetherServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two or three demo-app nodes in cluster mode on one Redis: what the README promises. */
class ClusterIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();

    private ClusterNodes cluster;

    @BeforeEach
    void start() {
        REDIS.start();
        cluster = new ClusterNodes(REDIS);
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    @SuppressWarnings("unchecked")
    private static int membersCount(LineClient c, String room) {
        c.send("roomView " + room);
        Map<String, Object> reply = c.readMap(WAIT);
        Object data = reply.get("data");
        return data instanceof Map<?, ?> m ? ((Number) ((Map<String, Object>) m).get("membersCount")).intValue() : -1;
    }

    private static String jstpHandshake(JstpFrameClient c, String app) {
        String reply = c.request("{handshake:[0,'" + app + "']}", WAIT);
        assertThat(reply).startsWith("{handshake:[0],ok:'");
        return reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
    }

    @Test
    void socketAndJstpClientsOnDifferentNodesShareARoom() {
        TetherServer a = cluster.start();
        TetherServer b = cluster.start();
        LineClient socket = cluster.socket(a);
        socket.send("roomAdd defaultRoom");
        assertThat(socket.readMap(WAIT)).containsEntry("data", true);
        JstpFrameClient jstp = cluster.jstp(b);
        jstpHandshake(jstp, "tether");
        assertThat(jstp.request("{call:[1,'chat'],join:['defaultRoom']}", WAIT)).isEqualTo("{callback:[1],ok:[]}");

        socket.send("say defaultRoom hello from the socket side");
        assertThat(socket.readMap(WAIT)).containsEntry("status", "OK");
        Map<String, Object> event = Mdsf.parseMessage(jstp.read(WAIT));
        assertThat(event.get("event")).isEqualTo(List.of(-1L, "chat"));
        assertThat(event.get("message").toString()).contains("hello from the socket side", "room=defaultRoom");

        Map<String, Object> ownCopy = socket.readMap(WAIT);
        assertThat(ownCopy).containsEntry("context", "user").containsEntry("message", "hello from the socket side");
        jstp.send("{call:[2,'chat'],say:['defaultRoom','hello from jstp']}");
        Map<String, Object> chat = socket.readMap(WAIT);
        assertThat(chat).containsEntry("context", "user").containsEntry("message", "hello from jstp");

        assertThat(membersCount(socket, "defaultRoom")).isEqualTo(2);
        String viewFromB = "";
        jstp.send("{call:[3,'chat'],view:['defaultRoom']}");
        while (!viewFromB.startsWith("{callback:[3]")) {
            viewFromB = jstp.read(WAIT); // skip the echo of our own say and its callback
        }
        assertThat(viewFromB).contains("membersCount:2");
    }

    @Test
    void cacheWrittenThroughOneNodeIsReadThroughAnother() {
        TetherServer a = cluster.start();
        TetherServer b = cluster.start();
        a.core().cache().save("shared-key", Map.of("n", 1), null);
        assertThat(b.core().cache().load("shared-key").orElseThrow().value()).isEqualTo(Map.of("n", 1L));
        LineClient onB = cluster.socket(b);
        onB.send("{\"action\":\"cacheTest\",\"params\":{\"key\":\"cluster-key\",\"value\":\"shared\"}}");
        assertThat(onB.readMap(WAIT)).doesNotContainKey("error");
    }

    @Test
    void aJstpSessionContinuesOnAnotherNodeAfterItsNodeStopped() {
        TetherServer a = cluster.start();
        TetherServer b = cluster.start();
        JstpFrameClient first = cluster.jstp(a);
        String id = jstpHandshake(first, "testApp");
        String iface = "testInterface";
        assertThat(first.request("{call:[1,'" + iface + "'],emitLater:[100,'tick','x']}", WAIT))
                .isEqualTo("{callback:[1],ok:[]}");
        first.send("{call:[2,'" + iface + "'],delayedEcho:[300,'late']}");
        first.close();
        await().atMost(WAIT).until(() -> {
            String stored = cluster.get("session:{" + id + "}");
            return stored != null && stored.contains("tick") && stored.contains("late");
        });
        a.close();

        JstpFrameClient second = cluster.jstp(b);
        assertThat(second.request("{handshake:[0,'testApp'],session:['" + id + "',0]}", WAIT))
                .isEqualTo("{handshake:[0],ok:2}");
        assertThat(second.read(WAIT)).isEqualTo("{event:[-1,'" + iface + "'],tick:['x']}");
        assertThat(second.read(WAIT)).isEqualTo("{callback:[2],ok:['late']}");
    }

    @Test
    void membersOfAKilledNodeVanishFromRoomViewWithinTheHeartbeatTtl() throws Exception {
        TetherServer a = cluster.start();
        int port = freePort();
        Process victim = startNodeProcess(port);
        try {
            LineClient onVictim = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> cluster.socket(port), c -> c != null);
            onVictim.send("roomAdd defaultRoom");
            assertThat(onVictim.readMap(WAIT)).containsEntry("data", true);
            LineClient onA = cluster.socket(a);
            onA.send("roomAdd defaultRoom");
            assertThat(onA.readMap(WAIT)).containsEntry("data", true);
            assertThat(membersCount(onA, "defaultRoom")).isEqualTo(2);

            victim.destroyForcibly().waitFor();
            long killed = System.nanoTime();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> membersCount(onA, "defaultRoom") == 1);
            // heartbeat TTL 2 s, plus one poll and a loaded machine's slack
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(4));
        } finally {
            victim.destroyForcibly();
        }
    }

    /** A node in its own JVM (so it can be killed with SIGKILL), same Redis and prefix. */
    private Process startNodeProcess(int port) throws java.io.IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "io.tether.app.TetherMain", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--no-jstp", "--redis-url", REDIS.uri());
        pb.environment().put("TETHER_REDIS_KEY_PREFIX", cluster.prefix());
        pb.environment().put("TETHER_REDIS_HEARTBEAT_INTERVAL", "250ms");
        pb.environment().put("TETHER_REDIS_HEARTBEAT_TTL", "2s");
        java.nio.file.Path log = java.nio.file.Path.of("target", "cluster-killed-node.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void roomsWorkAgainAfterRedisRestarts() {
        REDIS.assumeControllable();
        TetherServer a = cluster.start();
        TetherServer b = cluster.start();
        LineClient onA = cluster.socket(a);
        onA.send("roomAdd otherRoom");
        assertThat(onA.readMap(WAIT)).containsEntry("data", true);

        REDIS.restart();
        LineClient onB = cluster.socket(b);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            onB.send("roomAdd otherRoom");
            return Boolean.TRUE.equals(onB.readMap(WAIT).get("data"));
        });
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> membersCount(onB, "otherRoom") == 2);
        onA.send("say otherRoom back again");
        assertThat(onA.readMap(WAIT)).containsEntry("status", "OK").doesNotContainKey("error");
        Map<String, Object> chat = onB.readMap(WAIT);
        assertThat(chat).containsEntry("message", "back again");
    }
}
