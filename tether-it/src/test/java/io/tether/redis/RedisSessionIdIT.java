package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crafted session ids in cluster mode (issue #11 item 12): a restore naming anything but a
 * well-formed session id, or an unknown one, is refused like an unknown session and leaves
 * no key in Redis.
 */
class RedisSessionIdIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(10);

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

    private Set<String> keys() {
        return new TreeSet<>(nodes.probe().keys(nodes.prefix() + "*"));
    }

    @Test
    void craftedAndUnknownIdsAreRefusedAndLeaveNoKey() {
        JstpNodes.Node a = jstp.start();
        String id;
        try (JstpFrameClient c = jstp.client(a)) {
            String reply = c.request("{handshake:[0,'testApp']}", WAIT);
            assertThat(reply).startsWith("{handshake:[0],ok:'");
            id = reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
        }
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> nodes.probe().exists(nodes.prefix() + "session:{" + id + "}") == 1);
        Set<String> before = keys();
        List<String> crafted = List.of(id + ":owner", id + ":inbox", id + ":owner:owner", "x", "",
                id.toUpperCase(java.util.Locale.ROOT), "00000000-0000-4000-8000-000000000000", "*", "{a}");
        for (String bad : crafted) {
            try (JstpFrameClient c = jstp.client(a)) {
                assertThat(c.request("{handshake:[0,'testApp'],session:['" + bad + "',0]}", WAIT))
                        .as(bad).isEqualTo("{handshake:[0],error:[11]}");
            }
            assertThat(a.sessions().find(bad, (snapshot, quota) -> {
                throw new AssertionError("continued " + bad);
            })).as(bad).isEmpty();
        }
        assertThat(keys()).isEqualTo(before);
        // the real session is still there and restorable
        try (JstpFrameClient c = jstp.client(a)) {
            assertThat(c.request("{handshake:[0,'testApp'],session:['" + id + "',0]}", WAIT))
                    .isEqualTo("{handshake:[0],ok:0}");
        }
    }
}
