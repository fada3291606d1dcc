package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.limits.Refusal;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionQuota;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The detached-session caps in cluster mode: they bound the sessions a node holds in memory;
 * an evicted session is deleted from Redis too, so no node can restore it.
 */
class RedisSessionQuotaIT {
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

    @Test
    void evictedSessionIsDeletedFromRedisAndRestorableNowhere() {
        JstpNodes.Node a = jstp.start(core -> new SessionQuota(SessionLimits.defaults(), 1 << 20, 100, 2,
                core.refusals()));
        JstpNodes.Node b = jstp.start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (JstpFrameClient c = jstp.client(a)) {
                String reply = c.request("{handshake:[0,'testApp']}", WAIT);
                ids.add(reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2));
            }
        }
        await().atMost(WAIT).until(() -> a.redisNode().core().refusals().get(Refusal.SESSIONS_PER_ADDRESS) == 1);
        await().atMost(WAIT).until(() -> nodes.probe().exists(nodes.prefix() + "session:{" + ids.get(0) + "}") == 0);
        assertThat(a.sessions().size()).isEqualTo(2);
        assertThat(nodes.probe().exists(nodes.prefix() + "session:{" + ids.get(2) + "}")).isEqualTo(1);
        try (JstpFrameClient c = jstp.client(b)) {
            assertThat(c.request("{handshake:[0,'testApp'],session:['" + ids.get(0) + "',0]}", WAIT))
                    .isEqualTo("{handshake:[0],error:[11]}");
        }
        // a session continued on b leaves a's counts
        try (JstpFrameClient c = jstp.client(b)) {
            assertThat(c.request("{handshake:[0,'testApp'],session:['" + ids.get(1) + "',0]}", WAIT))
                    .isEqualTo("{handshake:[0],ok:0}");
            await().atMost(WAIT).until(() -> a.sessions().quota().detachedCount() == 1);
        }
    }
}
