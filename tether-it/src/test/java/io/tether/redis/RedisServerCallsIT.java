package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpPeer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server calls in cluster mode: a session restored on another node is owned there; the old
 * node's calls to it fail with {@code SESSION_MOVED} (pending and new ones), and the new node
 * calls the client.
 */
class RedisServerCallsIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, JstpPeer> peersOnA = new ConcurrentHashMap<>();
    private final Map<String, JstpPeer> peersOnB = new ConcurrentHashMap<>();
    private TestNodes nodes;
    private JstpNodes jstp;

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
        jstp = new JstpNodes(nodes, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        jstp.close();
    }

    private static JstpApplication app(Map<String, JstpPeer> peers) {
        return JstpApplication.builder("peerApp", "1.0.0").onClient((peer, restored) -> peers.put("last", peer))
                .build();
    }

    private static TetherException failure(CompletableFuture<?> f) throws Exception {
        Throwable t = f.handle((v, e) -> e).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(TetherException.class);
        return (TetherException) t;
    }

    @Test
    void aSessionRestoredOnAnotherNodeFailsTheOldNodesCallsAndTheNewNodeCallsIt() throws Exception {
        JstpNodes.Node a = jstp.start(app(peersOnA));
        JstpNodes.Node b = jstp.start(app(peersOnB));
        JstpFrameClient first = jstp.client(a);
        String reply = first.request("{handshake:[0,'peerApp']}", WAIT);
        String token = reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
        await().atMost(WAIT).until(() -> peersOnA.containsKey("last"));
        JstpPeer onA = peersOnA.get("last");

        CompletableFuture<List<Object>> answered = onA.callMethod("clientApi", "hello", List.of("a"));
        assertThat(first.read(WAIT)).isEqualTo("{call:[-1,'clientApi'],hello:['a']}");
        first.send("{callback:[-1],ok:['from A']}");
        assertThat(answered.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("from A");

        CompletableFuture<List<Object>> pending = onA.callMethod("clientApi", "hello", List.of("b"));
        assertThat(first.read(WAIT)).isEqualTo("{call:[-2,'clientApi'],hello:['b']}");
        JstpFrameClient second = jstp.client(b);
        assertThat(second.request("{handshake:[0,'peerApp'],session:['" + token + "',2]}", WAIT))
                .isEqualTo("{handshake:[0],ok:0}");

        assertThat(failure(pending).code()).isEqualTo(ErrorCode.SESSION_MOVED);
        await().atMost(WAIT).until(onA::isClosed);
        assertThat(failure(onA.callMethod("clientApi", "hello", List.of("c"))).code())
                .isEqualTo(ErrorCode.SESSION_MOVED);

        await().atMost(WAIT).until(() -> peersOnB.containsKey("last"));
        JstpPeer onB = peersOnB.get("last");
        assertThat(onB.sessionId()).isNotNull();
        CompletableFuture<List<Object>> fromB = onB.callMethod("clientApi", "hello", List.of("d"));
        assertThat(second.read(WAIT)).isEqualTo("{call:[-3,'clientApi'],hello:['d']}");
        second.send("{callback:[-3],ok:['from B']}");
        assertThat(fromB.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("from B");
    }
}
