package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.CacheEntry;
import io.tether.api.RoomMessage;
import io.tether.core.session.Session;
import io.tether.testkit.JstpFrameClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks both failover ITs make around a killed primary, on two JSTP nodes: the nodes'
 * readiness (what {@code /health} answers: 503 while not ready) drops and comes back within a
 * generous bound, measured and logged; members of a room on both nodes still hear each other
 * afterwards and the view lists them all; a JSTP session stored (and replicated) before the
 * kill is restorable on the other node.
 */
final class FailoverChecks {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverChecks.class);
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Generous bound of the outage seen by the nodes (measured times are logged and documented). */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    static final String IFACE = "testInterface";

    final JstpNodes.Node a;
    final JstpNodes.Node b;
    final String room;
    final List<RoomMessage> inboxA = new CopyOnWriteArrayList<>();
    final List<RoomMessage> inboxB = new CopyOnWriteArrayList<>();
    final Session ca = Session.open("socket", "127.0.0.1", 40001, inboxA::add);
    final Session cb = Session.open("socket", "127.0.0.1", 40002, inboxB::add);

    FailoverChecks(JstpNodes.Node a, JstpNodes.Node b, String room) {
        this.a = a;
        this.b = b;
        this.room = room;
    }

    /** Creates the room, joins one member per node and checks they hear each other. */
    void joinBothAndTalk(String tag) {
        a.redisNode().core().rooms().create(room);
        TestNodes.sync(a.redisNode().core().rooms().join(ca, room));
        TestNodes.sync(b.redisNode().core().rooms().join(cb, room));
        talk(tag);
    }

    /** Says one message from each side; both members hear both (within the generous wait). */
    void talk(String tag) {
        await().atMost(WAIT).untilAsserted(() -> {
            inboxA.clear();
            inboxB.clear();
            TestNodes.sync(a.redisNode().core().rooms().say(ca, room, tag + " from A"));
            TestNodes.sync(b.redisNode().core().rooms().say(cb, room, tag + " from B"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(inboxA).extracting(RoomMessage::message).contains(tag + " from A", tag + " from B");
                assertThat(inboxB).extracting(RoomMessage::message).contains(tag + " from A", tag + " from B");
            });
        });
        assertThat(a.redisNode().core().rooms().view(room).members()).containsOnlyKeys(ca.id(), cb.id());
        assertThat(b.redisNode().core().rooms().view(room).members()).containsOnlyKeys(ca.id(), cb.id());
    }

    /**
     * After the kill at {@code killedAt} (System.nanoTime): both nodes report not ready, then
     * ready again; returns the time from the kill until both were ready, logged.
     */
    Duration awaitOutageAndRecovery(long killedAt, String what) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                .until(() -> !a.redisNode().redis().ready() || !b.redisNode().redis().ready());
        long down = System.nanoTime();
        await().atMost(RECOVERY_BOUND).pollInterval(Duration.ofMillis(20))
                .until(() -> a.redisNode().redis().ready() && b.redisNode().redis().ready());
        Duration recovered = Duration.ofNanos(System.nanoTime() - killedAt);
        LOG.info("{}: nodes not ready {} ms after the kill, ready again {} ms after it", what,
                Duration.ofNanos(down - killedAt).toMillis(), recovered.toMillis());
        return recovered;
    }

    /** Twenty cache keys saved on {@code a} (they hash to every shard of a cluster) are seen from {@code b}. */
    static void cacheSharedAcrossShards(JstpNodes.Node a, JstpNodes.Node b) {
        for (int i = 0; i < 20; i++) {
            a.redisNode().core().cache().save("k" + i, i, null);
        }
        assertThat(b.redisNode().core().cache().load("k7")).map(CacheEntry::value).contains(7L);
        assertThat(b.redisNode().core().cache().size()).isEqualTo(20);
    }

    static String handshake(JstpFrameClient c) {
        String reply = c.request("{handshake:[0,'testApp']}", WAIT);
        assertThat(reply).startsWith("{handshake:[0],ok:'");
        return reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
    }

    static String restore(String id) {
        return "{handshake:[0,'testApp'],session:['" + id + "',0]}";
    }

    static String call(long id, String method, String args) {
        return "{call:[" + id + ",'" + IFACE + "']," + method + ":[" + args + "]}";
    }
}
