package io.tether.redis;

import static io.tether.redis.FailoverChecks.WAIT;
import static io.tether.redis.FailoverChecks.call;
import static io.tether.redis.FailoverChecks.handshake;
import static io.tether.redis.FailoverChecks.restore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.tether.api.RoomMessage;
import io.tether.core.session.Session;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.redis.RedisTopology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tether nodes on a real six-node Redis Cluster (Redis 7: sharded pub/sub), started for this
 * class by {@code redis-topology.sh}: rooms across nodes, the cache, and the failover of the
 * primary of another shard (readiness covers every shard), then of the primary holding the
 * room registry, the room's channel and a JSTP session (each kills a server, so they run last).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {
    @RegisterExtension
    static final RedisTopology CLUSTER = RedisTopology.cluster();

    @Test
    @Order(1)
    void membersOnTwoNodesTalkBothWaysOverShardedPubSubAndShareTheCache() {
        try (TestNodes nodes = new TestNodes(CLUSTER.uri()); JstpNodes jstp = new JstpNodes(nodes, Duration.ofMinutes(1))) {
            JstpNodes.Node a = jstp.start();
            JstpNodes.Node b = jstp.start();
            assertThat(a.redisNode().redis().options().mode()).isEqualTo(RedisMode.CLUSTER);
            assertThat(a.redisNode().redis().shardedPubSub()).isTrue();
            FailoverChecks room = new FailoverChecks(a, b, "lobby");
            room.joinBothAndTalk("hello");

            FailoverChecks.cacheSharedAcrossShards(a, b);

            JstpFrameClient first = jstp.client(a);
            String id = handshake(first);
            assertThat(first.request(call(1, "setValue", "'kept'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");
            first.close();
            JstpFrameClient second = jstp.client(b);
            assertThat(second.request(restore(id), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(second.request(call(2, "getValue", ""), WAIT)).isEqualTo("{callback:[2],ok:['kept']}");
        }
    }

    /**
     * Says issued without waiting (several of one session in flight) on a fresh node, whose
     * connections to the shards open with its first publishes: each session's says reach the
     * member on the other node in order, in rooms on every shard.
     */
    @Test
    @Order(2)
    void saysOfOneSessionInFlightArriveInOrderInRoomsOnEveryShard() throws Exception {
        try (TestNodes nodes = new TestNodes(CLUSTER.uri())) {
            TestNodes.Node a = nodes.start();
            TestNodes.Node b = nodes.start();
            assertThat(a.redis().roomBroker().asyncPublish()).isTrue();
            int says = 400;
            // three rooms on each shard
            Map<Integer, Integer> perShard = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; names.size() < 9; i++) {
                String room = "ordered" + i;
                int shard = CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.channel(room)));
                if (perShard.merge(shard, 1, Integer::sum) <= 3) {
                    names.add(room);
                }
            }
            int rooms = names.size();
            List<Session> senders = new ArrayList<>();
            Map<String, List<RoomMessage>> inboxes = new ConcurrentHashMap<>();
            Map<String, List<RoomMessage>> ownCopies = new ConcurrentHashMap<>();
            for (int r = 0; r < rooms; r++) {
                String room = names.get(r);
                a.core().rooms().create(room);
                List<RoomMessage> own = new CopyOnWriteArrayList<>();
                ownCopies.put(room, own);
                Session sender = Session.open("socket", "127.0.0.1", 41000 + r, own::add);
                List<RoomMessage> inbox = new CopyOnWriteArrayList<>();
                inboxes.put(room, inbox);
                Session member = Session.open("socket", "127.0.0.1", 42000 + r, inbox::add);
                TestNodes.sync(a.core().rooms().join(sender, room));
                TestNodes.sync(b.core().rooms().join(member, room));
                senders.add(sender);
            }
            assertThat(perShard).as("rooms on every shard").hasSize(3);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < says; i++) {
                for (int r = 0; r < rooms; r++) {
                    all.add(a.core().rooms().say(senders.get(r), names.get(r), "m" + i));
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            List<String> expected = IntStream.range(0, says).mapToObj(i -> "m" + i).toList();
            for (int r = 0; r < rooms; r++) {
                List<RoomMessage> inbox = inboxes.get(names.get(r));
                await().atMost(WAIT).until(() -> inbox.size() >= says);
                assertThat(inbox).extracting(RoomMessage::message).as(names.get(r))
                        .containsExactlyElementsOf(expected);
            }
            // a say and a leave issued together: the leave completes after the sender's own copy
            // came back through the room's shard (the fence travels the same sharded channel)
            for (int round = 0; round < 20; round++) {
                for (int r = 0; r < rooms; r++) {
                    String room = names.get(r);
                    if (round > 0) {
                        TestNodes.sync(a.core().rooms().join(senders.get(r), room));
                    }
                    a.core().rooms().say(senders.get(r), room, "last" + round);
                    TestNodes.sync(a.core().rooms().leave(senders.get(r), room));
                    assertThat(ownCopies.get(room)).extracting(RoomMessage::message).as("%s round %d", room, round)
                            .endsWith("last" + round);
                }
            }
            assertThat(a.redis().roomBroker().fencesInFlight()).isZero();
        }
    }

    @Test
    @Order(3)
    void nodesAreNotReadyWhileAShardWithoutTheirHeartbeatHasNoPrimary() throws Exception {
        try (TestNodes nodes = new TestNodes(CLUSTER.uri()); JstpNodes jstp = new JstpNodes(nodes, Duration.ofMinutes(2))) {
            JstpNodes.Node a = jstp.start();
            JstpNodes.Node b = jstp.start();
            // a primary that holds neither the room registry and the nodes' heartbeats (one hash tag)
            // nor the channel of the room the members are in: only readiness' ping of every shard sees it go
            String room = "other-shard";
            int registry = CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.prefix() + "{rooms}:all"));
            int channel = CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.channel(room)));
            int victim = -1;
            for (int slot = 0; victim < 0; slot += 500) {
                int primary = CLUSTER.clusterPrimaryOf(slot);
                if (primary != registry && primary != channel) {
                    victim = primary;
                }
            }
            // by default a Redis Cluster refuses every command while a slot has no primary (CLUSTERDOWN), which
            // the heartbeat would see; with partial coverage allowed only the ping of every shard tells
            for (int port : CLUSTER.ports()) {
                CLUSTER.cli(port, "config", "set", "cluster-require-full-coverage", "no");
            }
            FailoverChecks checks = new FailoverChecks(a, b, room);
            checks.joinBothAndTalk("before");
            assertThat(a.redisNode().redis().ready()).isTrue();

            long killedAt = System.nanoTime();
            CLUSTER.kill(victim);
            Duration recovered = checks.awaitOutageAndRecovery(killedAt, "redis cluster primary " + victim
                    + " (not the registry's) killed");
            assertThat(recovered).isLessThan(FailoverChecks.RECOVERY_BOUND);
            checks.talk("after");
        }
    }

    @Test
    @Order(4)
    void killedPrimaryIsReplacedByItsReplicaAndNodesCarryOn() throws Exception {
        try (TestNodes nodes = new TestNodes(CLUSTER.uri()); JstpNodes jstp = new JstpNodes(nodes, Duration.ofMinutes(2))) {
            JstpNodes.Node a = jstp.start();
            JstpNodes.Node b = jstp.start();
            // the primary holding the room registry; a room whose channel and a session whose keys live there too
            int victim = CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.prefix() + "{rooms}:all"));
            String room = null;
            for (int i = 0; room == null; i++) {
                String name = "room" + i;
                if (CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.channel(name))) == victim) {
                    room = name;
                }
            }
            FailoverChecks checks = new FailoverChecks(a, b, room);
            checks.joinBothAndTalk("before");
            String id = null;
            for (int i = 0; id == null && i < 60; i++) {
                JstpFrameClient c = jstp.client(a);
                String candidate = handshake(c);
                if (CLUSTER.clusterPrimaryOf(SlotHash.getSlot(nodes.prefix() + "session:{" + candidate + "}"))
                        == victim) {
                    id = candidate;
                    assertThat(c.request(call(1, "setValue", "'kept'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");
                }
                c.close();
            }
            assertThat(id).as("a session on the primary to kill").isNotNull();
            String sessionKey = nodes.prefix() + "session:{" + id + "}";
            awaitReplicated(victim, sessionKey, "kept");

            long killedAt = System.nanoTime();
            CLUSTER.kill(victim);
            Duration recovered = checks.awaitOutageAndRecovery(killedAt, "redis cluster primary " + victim + " killed");
            assertThat(recovered).isLessThan(FailoverChecks.RECOVERY_BOUND);

            checks.talk("after");
            JstpFrameClient back = jstp.client(b);
            assertThat(back.request(restore(id), WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(back.request(call(2, "getValue", ""), WAIT)).isEqualTo("{callback:[2],ok:['kept']}");
        }
    }

    /**
     * Waits until the session snapshot (with {@code marker}) is in the primary, then until its
     * replica acknowledged it: a write of this probe under the same hash tag, then WAIT 1 (the
     * replication stream is ordered, so the snapshot was replicated before the probe's write).
     */
    private static void awaitReplicated(int primary, String sessionKey, String marker) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", primary));
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            await().atMost(WAIT).until(() -> Optional.ofNullable(c.sync().get(sessionKey)).orElse("").contains(marker));
            c.sync().set(sessionKey + ":probe", "x");
            assertThat(c.sync().waitForReplication(1, WAIT.toMillis())).isEqualTo(1);
        } finally {
            client.shutdown();
        }
    }
}
