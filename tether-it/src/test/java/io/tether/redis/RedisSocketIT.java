package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The socket protocol over a Redis room broker: line order kept (pipelined says too), a slow
 * Redis stalls nobody else.
 */
class RedisSocketIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestNodes nodes;
    private TetherServer server;
    private final List<LineClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
        TestNodes.Node node = nodes.start();
        SocketOptions o = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        server = TetherServer.builder(node.core()).ioThreads(1)
                .protocol(new SocketProtocolServer(node.core(), o)).build().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(LineClient::close);
        server.close();
        nodes.close();
    }

    private LineClient client() {
        LineClient c = LineClient.connect("127.0.0.1", server.port(SocketOptions.defaults().name()));
        clients.add(c);
        assertThat(c.readLine(WAIT)).contains("welcome");
        return c;
    }

    @Test
    void pipelinedRoomVerbsAreAnsweredInLineOrder() {
        LineClient listener = client();
        listener.send("roomAdd defaultRoom");
        assertThat(listener.readMap(WAIT)).containsEntry("data", true);
        LineClient c = client();
        c.sendRaw("paramAdd messageId=one\r\nroomAdd defaultRoom\r\nsay defaultRoom hi\r\nroomView defaultRoom\r\n"
                + "paramAdd messageId=two\r\nroomLeave defaultRoom\r\nparamView messageId\r\n");
        // the sender's own copy of its say comes through Redis pub/sub: after the say's OK, and
        // before the reply of its leave (a leave waits for what was said before it); the
        // replies themselves are in line order
        List<Map<String, Object>> replies = new ArrayList<>();
        List<Map<String, Object>> chat = new ArrayList<>();
        int repliesBeforeCopy = -1;
        for (int i = 0; i < 8; i++) {
            Map<String, Object> m = c.readMap(WAIT);
            if ("user".equals(m.get("context"))) {
                chat.add(m);
                repliesBeforeCopy = replies.size();
            } else {
                replies.add(m);
            }
        }
        assertThat(chat).singleElement().satisfies(m -> assertThat(m).containsEntry("message", "hi"));
        assertThat(repliesBeforeCopy).as("replies before the own copy (say OK .. before roomLeave's)").isBetween(3, 5);
        assertThat(replies).hasSize(7);
        assertThat(replies.get(0)).containsEntry("status", "OK");
        assertThat(replies.get(1)).containsEntry("data", true).containsEntry("messageId", "one");
        assertThat(replies.get(2)).containsEntry("status", "OK").containsEntry("messageId", "one")
                .doesNotContainKey("error");
        assertThat(replies.get(3)).containsEntry("messageId", "one");
        assertThat(replies.get(3).get("data")).asString().contains("membersCount=2");
        assertThat(replies.get(4)).containsEntry("status", "OK").containsEntry("messageId", "one");
        assertThat(replies.get(5)).containsEntry("data", true).containsEntry("messageId", "two");
        assertThat(replies.get(6)).containsEntry("data", "two");
        assertThat(listener.readMap(WAIT)).containsEntry("context", "user").containsEntry("message", "hi");
    }

    /**
     * Says pipelined by one connection (several in flight through Redis at once): every member
     * gets them in line order, the sender's replies come in line order and each OK before the
     * sender's own copy of that say.
     */
    @Test
    void pipelinedSaysKeepTheirOrderThroughRedis() {
        int n = 500;
        LineClient listener = client();
        listener.send("roomAdd defaultRoom");
        assertThat(listener.readMap(WAIT)).containsEntry("data", true);
        LineClient c = client();
        c.send("roomAdd defaultRoom");
        assertThat(c.readMap(WAIT)).containsEntry("data", true);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < n; i++) {
            lines.append("say defaultRoom m").append(i).append("\r\n");
        }
        c.sendRaw(lines.toString());
        int oks = 0;
        int copies = 0;
        while (oks < n || copies < n) {
            Map<String, Object> m = c.readMap(WAIT);
            if ("user".equals(m.get("context"))) {
                assertThat(m).containsEntry("message", "m" + copies);
                assertThat(copies).as("the OK of say m%d precedes its copy", copies).isLessThan(oks);
                copies++;
            } else {
                assertThat(m).containsEntry("status", "OK").containsEntry("messageCount", 2 + oks)
                        .doesNotContainKey("error");
                oks++;
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(listener.readMap(WAIT)).containsEntry("message", "m" + i);
        }
    }

    @Test
    void aPausedRedisDoesNotStallOtherConnectionsOnTheSameLoop() {
        REDIS.assumeControllable();
        LineClient slow = client();
        LineClient other = client();
        nodes.probe().clientPause(2_500);
        slow.sendRaw("roomAdd defaultRoom\r\nparamView nothing\r\n");
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            other.send("paramAdd messageId=m" + i);
            assertThat(other.readMap(WAIT)).containsEntry("status", "OK");
        }
        other.send("detailsView");
        assertThat(other.readMap(WAIT)).containsKey("data");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800));
        // the stuck connection answers (timeout error or success) and then its next line, in order
        Map<String, Object> first = slow.readMap(WAIT);
        assertThat(first).containsEntry("context", "response").containsKey("messageId");
        assertThat(slow.readMap(WAIT)).containsEntry("status", "OK").doesNotContainKey("data");
    }
}
