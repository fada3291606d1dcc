package io.tether.redis;

import static io.tether.redis.FailoverChecks.WAIT;
import static io.tether.redis.FailoverChecks.call;
import static io.tether.redis.FailoverChecks.handshake;
import static io.tether.redis.FailoverChecks.restore;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTopology;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tether nodes on a real six-node Redis Cluster of Redis 6.2 (the redis-server of the
 * embedded-redis test jar), which has no sharded pub/sub: rooms and session channels travel
 * over classic pub/sub, which a Redis Cluster broadcasts to every node and whose PUBLISH counts
 * only the receiving node's subscribers. Rooms across nodes, the cache on every shard, and a
 * JSTP session opened on one node restored on the other (its owner is told over the session
 * channel).
 */
class RedisLegacyClusterIT {
    @RegisterExtension
    static final RedisTopology CLUSTER = RedisTopology.legacyCluster();

    @Test
    void membersOnTwoNodesTalkBothWaysOverClassicPubSubAndRestoreSessionsAcrossNodes() {
        assertThat(CLUSTER.cli(CLUSTER.ports().get(0), "info", "server")).contains("redis_version:6.2.");
        try (TestNodes nodes = new TestNodes(CLUSTER.uri()); JstpNodes jstp = new JstpNodes(nodes, Duration.ofMinutes(1))) {
            JstpNodes.Node a = jstp.start();
            JstpNodes.Node b = jstp.start();
            assertThat(a.redisNode().redis().options().mode()).isEqualTo(RedisMode.CLUSTER);
            assertThat(a.redisNode().redis().shardedPubSub()).isFalse();
            assertThat(b.redisNode().redis().shardedPubSub()).isFalse();
            new FailoverChecks(a, b, "lobby").joinBothAndTalk("hello");
            new FailoverChecks(b, a, "{other}room").joinBothAndTalk("again"); // another slot, another shard

            FailoverChecks.cacheSharedAcrossShards(a, b);

            JstpFrameClient first = jstp.client(a);
            String id = handshake(first);
            assertThat(first.request(call(1, "setValue", "'kept'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");
            JstpFrameClient second = jstp.client(b);
            // restored on b while still connected to a: a hears the claim over classic pub/sub and lets go
            assertThat(second.request(restore(id), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(second.request(call(2, "getValue", ""), WAIT)).isEqualTo("{callback:[2],ok:['kept']}");
            assertThat(first.closedWithin(WAIT)).as("node a handed the session off and closed its transport").isTrue();
        }
    }
}
