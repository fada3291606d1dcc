package io.tether.redis;

import io.tether.api.RoomMessage;
import io.tether.core.session.Session;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two nodes on the class's Redis, each with one member ({@link #ca} on {@link #a},
 * {@link #cb} on {@link #b}) in {@code defaultRoom} and an inbox of what it heard; Redis is
 * started before each test and again after it (a test may have stopped it).
 */
abstract class TwoNodeRoomFixture {
    TestNodes nodes;
    TestNodes.Node a;
    TestNodes.Node b;
    final List<RoomMessage> inboxA = new CopyOnWriteArrayList<>();
    final List<RoomMessage> inboxB = new CopyOnWriteArrayList<>();
    Session ca;
    Session cb;

    /** The class's Redis (its {@code @RegisterExtension} field). */
    abstract RedisTestServer redis();

    /** The nodes' command timeout. */
    abstract Duration commandTimeout();

    @BeforeEach
    void startNodes() {
        redis().start();
        nodes = new TestNodes(redis());
        a = nodes.start(nodes.options().commandTimeout(commandTimeout()).build());
        b = nodes.start(nodes.options().commandTimeout(commandTimeout()).build());
        ca = Session.open("socket", "127.0.0.1", 40001, inboxA::add);
        cb = Session.open("socket", "127.0.0.1", 40002, inboxB::add);
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
    }

    @AfterEach
    void stopNodes() {
        redis().start();
        nodes.close();
    }
}
