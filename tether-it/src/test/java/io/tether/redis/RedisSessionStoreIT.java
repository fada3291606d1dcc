package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSTP sessions in Redis: a client continues its session on another node with nothing lost. */
class RedisSessionStoreIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String IFACE = "testInterface";

    private TestNodes nodes;
    private JstpNodes jstp;

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
        jstp = new JstpNodes(nodes, Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        jstp.close();
    }

    private static String restore(String id, long received) {
        return "{handshake:[0,'testApp'],session:['" + id + "'," + received + "]}";
    }

    private static String call(long id, String method, String args) {
        return "{call:[" + id + ",'" + IFACE + "']," + method + ":[" + args + "]}";
    }

    private static String handshake(JstpFrameClient c) {
        String reply = c.request("{handshake:[0,'testApp']}", WAIT);
        assertThat(reply).startsWith("{handshake:[0],ok:'");
        return reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
    }

    @Test
    void droppedOnOneNodeContinuedOnAnotherWithBufferedEventsHeldCallbacksAndUserData() {
        JstpNodes.Node a = jstp.start();
        JstpNodes.Node b = jstp.start();
        JstpFrameClient first = jstp.client(a);
        String id = handshake(first);
        assertThat(first.request(call(1, "setValue", "'kept'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");
        assertThat(first.request(call(2, "emitLater", "150,'tick','x'"), WAIT)).isEqualTo("{callback:[2],ok:[]}");
        first.send(call(3, "delayedEcho", "300,'late'"));
        first.close();
        await().atMost(WAIT).until(() -> {
            String stored = nodes.probe().get(nodes.prefix() + "session:{" + id + "}");
            return stored != null && stored.contains("tick") && stored.contains("late");
        });

        JstpFrameClient second = jstp.client(b);
        assertThat(second.request(restore(id, 0), WAIT)).isEqualTo("{handshake:[0],ok:3}");
        assertThat(second.read(WAIT)).isEqualTo("{event:[-1,'" + IFACE + "'],tick:['x']}");
        assertThat(second.read(WAIT)).isEqualTo("{callback:[3],ok:['late']}");
        assertThat(second.request(call(4, "getValue", ""), WAIT)).isEqualTo("{callback:[4],ok:['kept']}");
        assertThat(b.sessions().size()).isEqualTo(1);
        await().atMost(WAIT).until(() -> a.sessions().size() == 0);
        assertThat(nodes.probe().get(nodes.prefix() + "session:{" + id + "}:owner")).isEqualTo(
                b.redisNode().redis().nodeId());
    }

    @Test
    void restoreWhileAttachedElsewhereClosesTheOldTransportAndLateEventsFollowTheSession() {
        JstpNodes.Node a = jstp.start();
        JstpNodes.Node b = jstp.start();
        JstpFrameClient first = jstp.client(a);
        String id = handshake(first);
        assertThat(first.request(call(1, "emitLater", "700,'later','y'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");

        JstpFrameClient second = jstp.client(b);
        assertThat(second.request(restore(id, 0), WAIT)).isEqualTo("{handshake:[0],ok:1}");
        assertThat(first.closedWithin(WAIT)).isTrue();
        // the timer on node A still holds the old session object: its event is forwarded to B
        assertThat(second.read(WAIT)).isEqualTo("{event:[-1,'" + IFACE + "'],later:['y']}");
        assertThat(second.request(call(2, "emitBack", "'e',1"), WAIT)).isEqualTo("{event:[-2,'" + IFACE + "'],e:[1]}");
    }

    @Test
    void unknownAndExpiredSessionsAreRefusedOnEveryNode() {
        JstpNodes.Node a = jstp.start();
        JstpNodes.Node b = jstp.start();
        JstpFrameClient unknown = jstp.client(b);
        assertThat(unknown.request(restore("no-such-session", 0), WAIT)).isEqualTo("{handshake:[0],error:[11]}");

        JstpFrameClient first = jstp.client(a);
        String id = handshake(first);
        first.close();
        await().atMost(WAIT).until(() -> nodes.probe().pttl(nodes.prefix() + "session:{" + id + "}") > 0);
        await().atMost(WAIT).until(() -> nodes.probe().exists(nodes.prefix() + "session:{" + id + "}") == 0);
        JstpFrameClient late = jstp.client(b);
        assertThat(late.request(restore(id, 0), WAIT)).isEqualTo("{handshake:[0],error:[11]}");
    }

    @Test
    void aStoppedNodeLeavesItsSessionsRestorableAtOnce() {
        JstpNodes.Node a = jstp.start();
        JstpNodes.Node b = jstp.start();
        JstpFrameClient first = jstp.client(a);
        String id = handshake(first);
        assertThat(first.request(call(1, "emitBack", "'hello',1"), WAIT)).isEqualTo("{event:[-1,'" + IFACE + "'],hello:[1]}");
        first.read(WAIT); // the callback of call 1
        first.close();
        a.stop();
        JstpFrameClient second = jstp.client(b);
        long start = System.nanoTime();
        assertThat(second.request(restore(id, 0), WAIT)).isEqualTo("{handshake:[0],ok:1}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(second.read(WAIT)).isEqualTo("{event:[-1,'" + IFACE + "'],hello:[1]}");
    }
}
