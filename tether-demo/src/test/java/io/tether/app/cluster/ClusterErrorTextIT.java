package io.tether.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.server.TetherServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With Redis stopped, what clients of both protocols read says the cluster (or cache) is
 * unavailable and nothing more: no Redis address, port, key prefix or cache key (issue #11
 * item 11). The node's log keeps the detail.
 */
class ClusterErrorTextIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = ClusterNodes.WAIT;

    private ClusterNodes cluster;

    @BeforeEach
    void start() {
        REDIS.start();
        cluster = new ClusterNodes(REDIS);
    }

    @AfterEach
    void stop() throws Exception {
        REDIS.start();
        cluster.close();
    }

    @Test
    void errorsWhileRedisIsDownNameNoAddressAndNoKey() {
        REDIS.assumeControllable();
        TetherServer node = cluster.start();
        LineClient socket = cluster.socket(node);
        JstpFrameClient jstp = cluster.jstp(node);
        assertThat(jstp.request("{handshake:[0,'tether']}", WAIT)).startsWith("{handshake:[0],ok:'");
        REDIS.stop();

        List<String> replies = new ArrayList<>();
        socket.send("{\"action\":\"cacheTest\",\"params\":{\"key\":\"secretKeyName\",\"value\":\"abc\"}}");
        Map<String, Object> cache = socket.readMap(WAIT);
        assertThat(cache).containsKey("error");
        replies.add(String.valueOf(cache));
        socket.send("roomView defaultRoom");
        Map<String, Object> view = socket.readMap(WAIT);
        assertThat(view).containsKey("error");
        replies.add(String.valueOf(view));
        socket.send("roomAdd defaultRoom");
        replies.add(String.valueOf(socket.readMap(WAIT)));
        replies.add(jstp.request("{call:[1,'api'],cacheTest:[{key:'secretKeyName',value:'abc'}]}", WAIT));
        replies.add(jstp.request("{call:[2,'chat'],view:['defaultRoom']}", WAIT));

        assertThat(replies.get(0)).contains("unavailable");
        assertThat(replies.get(3)).startsWith("{callback:[1],error:[50,");
        URI redis = URI.create(REDIS.uri());
        for (String reply : replies) {
            assertThat(reply).doesNotContain(redis.getHost()).doesNotContain(String.valueOf(redis.getPort()))
                    .doesNotContainIgnoringCase("redis").doesNotContain(cluster.prefix())
                    .doesNotContain("secretKeyName").doesNotContain("Exception");
        }
    }
}
