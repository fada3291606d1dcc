package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.api.CacheEntry;
import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two nodes on one Redis: shared rooms, cross-node chat and views, subscriptions, shared cache. */
class RedisRoomsIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();

    private TestNodes nodes;
    private TestNodes.Node a;
    private TestNodes.Node b;
    private final List<RoomMessage> inboxA = new CopyOnWriteArrayList<>();
    private final List<RoomMessage> inboxB = new CopyOnWriteArrayList<>();
    private Session ca;
    private Session cb;

    @BeforeEach
    void startNodes() {
        nodes = new TestNodes(REDIS);
        a = nodes.start();
        b = nodes.start();
        ca = Session.open("socket", "127.0.0.1", 40001, inboxA::add);
        cb = Session.open("socket", "127.0.0.1", 40002, inboxB::add);
    }

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void membersOnTwoNodesHearEachOther() {
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        TestNodes.sync(a.core().rooms().say(ca, "defaultRoom", "hello from A"));
        TestNodes.sync(b.core().rooms().say(cb, "defaultRoom", "hello from B"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(inboxA).extracting(RoomMessage::message).containsExactly("hello from A", "hello from B");
            assertThat(inboxB).extracting(RoomMessage::message).containsExactly("hello from A", "hello from B");
        });
        RoomMessage got = inboxB.getFirst();
        assertThat(got.room()).isEqualTo("defaultRoom");
        assertThat(got.from()).isEqualTo(ca.id());
        assertThat(got.sentAt()).isPositive();
    }

    @Test
    void viewListsMembersOfAllNodesInJoinOrder() {
        Session cb2 = Session.open("socket", "127.0.0.1", 40003, m -> { });
        long t1 = TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        long t2 = TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        long t3 = TestNodes.sync(b.core().rooms().join(cb2, "defaultRoom"));
        Map<String, Long> onA = a.core().rooms().view("defaultRoom").members();
        Map<String, Long> onB = TestNodes.sync(b.core().rooms().view(cb, "defaultRoom")).members();
        assertThat(onA).isEqualTo(onB).hasSize(3);
        assertThat(List.copyOf(onA.keySet())).containsExactly(cb.id(), ca.id(), cb2.id());
        assertThat(List.copyOf(onA.values())).containsExactly(t1, t2, t3);

        TestNodes.sync(b.core().rooms().leave(cb, "defaultRoom"));
        assertThat(a.core().rooms().view("defaultRoom").members()).doesNotContainKey(cb.id()).containsKey(ca.id());
    }

    @Test
    void leavingMemberHearsNothingMore() {
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        TestNodes.sync(b.core().rooms().leave(cb, "defaultRoom"));
        TestNodes.sync(a.core().rooms().say(ca, "defaultRoom", "after leave"));
        await().atMost(Duration.ofSeconds(3)).until(() -> inboxA.size() == 1);
        assertThat(inboxB).isEmpty();
    }

    /**
     * A leave waits for what was said in the room before it: the sender's own says issued
     * right before its leave, and a say another node's member finished before the leave, reach
     * the leaving member before its leave completes (they come back through Redis pub/sub,
     * which used to lose the race against the leave). No fence is left behind.
     */
    @Test
    void aLeaveCompletesAfterWhatWasSaidBeforeItArrived() {
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        for (int round = 0; round < 50; round++) {
            TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
            TestNodes.sync(b.core().rooms().say(cb, "defaultRoom", "b" + round));
            a.core().rooms().say(ca, "defaultRoom", "a" + round); // not awaited: the leave queues behind it
            TestNodes.sync(a.core().rooms().leave(ca, "defaultRoom"));
            assertThat(inboxA).extracting(RoomMessage::message).as("round %d", round).endsWith("b" + round, "a" + round);
        }
        assertThat(a.redis().roomBroker().fencesInFlight()).isZero();
        await().atMost(Duration.ofSeconds(3)).until(() -> inboxB.size() == 100);
    }

    /** A leave of a room the node no longer hears (or never did) publishes no fence and returns at once. */
    @Test
    void awaitingDeliveryOfARoomTheNodeDoesNotHearReturnsAtOnce() {
        long start = System.nanoTime();
        a.redis().roomBroker().awaitDelivered("defaultRoom");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(a.redis().roomBroker().fencesInFlight()).isZero();
    }

    @Test
    void nodeSubscribesOnlyWhileItHasLocalMembers() {
        String channel = nodes.channel("defaultRoom");
        Session ca2 = Session.open("socket", "127.0.0.1", 40003, m -> { });
        assertThat(subscribers(channel)).isZero();
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        assertThat(subscribers(channel)).isEqualTo(1);
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        TestNodes.sync(a.core().rooms().join(ca2, "defaultRoom"));
        assertThat(subscribers(channel)).isEqualTo(2);
        assertThat(nodes.probe().pubsubChannels(nodes.prefix() + "*")).containsExactly(channel);

        TestNodes.sync(a.core().rooms().leave(ca, "defaultRoom"));
        assertThat(subscribers(channel)).isEqualTo(2);
        TestNodes.sync(a.core().rooms().leave(ca2, "defaultRoom"));
        await().atMost(Duration.ofSeconds(2)).until(() -> subscribers(channel) == 1);
        TestNodes.sync(b.core().rooms().leave(cb, "defaultRoom"));
        await().atMost(Duration.ofSeconds(2)).until(() -> subscribers(channel) == 0);
        assertThat(nodes.probe().pubsubChannels(nodes.prefix() + "*")).isEmpty();
    }

    @Test
    void thirdNodeWithoutMembersSeesTheRoomButDoesNotSubscribe() {
        TestNodes.Node c = nodes.start();
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        assertThat(c.core().rooms().view("defaultRoom").members()).containsOnlyKeys(ca.id(), cb.id());
        assertThat(subscribers(nodes.channel("defaultRoom"))).isEqualTo(2);
        c.core().rooms().broadcast("defaultRoom", "from the third node");
        await().atMost(Duration.ofSeconds(3)).until(() -> inboxA.size() == 1 && inboxB.size() == 1);
    }

    @Test
    void serverBroadcastReachesMembersOnEveryNode() {
        TestNodes.sync(a.core().rooms().join(ca, "otherRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "otherRoom"));
        a.core().rooms().broadcast("otherRoom", "notice");
        await().atMost(Duration.ofSeconds(3)).until(() -> inboxA.size() == 1 && inboxB.size() == 1);
        assertThat(inboxB.getFirst().from()).isEqualTo(RoomMessage.SERVER);
    }

    @Test
    void roomsAreSharedAndErrorsAreTheRoomErrors() {
        assertThat(a.core().rooms().create("newRoom")).isTrue();
        assertThat(b.core().rooms().create("newRoom")).isFalse();
        assertThat(b.core().rooms().list()).containsExactlyInAnyOrder("defaultRoom", "otherRoom", "newRoom");
        TestNodes.sync(b.core().rooms().join(cb, "newRoom"));
        assertThatThrownBy(() -> TestNodes.sync(b.core().rooms().join(cb, "newRoom")))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_IN_ROOM));
        assertThat(a.core().rooms().destroy("newRoom")).isTrue();
        assertThat(b.core().rooms().exists("newRoom")).isFalse();
        assertThatThrownBy(() -> TestNodes.sync(a.core().rooms().join(ca, "newRoom")))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND));
        assertThat(nodes.probe().exists(nodes.prefix() + "{rooms}:room:newRoom")).isZero();
    }

    @Test
    void cacheWrittenOnOneNodeIsReadOnTheOther() {
        a.core().cache().save("shared", Map.of("count", 3, "tags", List.of("x", "y")), Duration.ofSeconds(30));
        CacheEntry onB = b.core().cache().load("shared").orElseThrow();
        assertThat(onB.value()).isEqualTo(Map.of("count", 3L, "tags", List.of("x", "y")));
        assertThat(onB.expiresAt() - onB.createdAt()).isEqualTo(30_000);
        assertThat(b.core().cache().size()).isEqualTo(1);
        assertThat(b.core().cache().destroy("shared")).isTrue();
        assertThat(a.core().cache().load("shared")).isEmpty();
        assertThat(a.core().cache().size()).isZero();
    }

    @Test
    void cleanCloseRemovesTheNodesMembersAtOnce() {
        TestNodes.sync(a.core().rooms().join(ca, "defaultRoom"));
        TestNodes.sync(b.core().rooms().join(cb, "defaultRoom"));
        a.core().close();
        assertThat(b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(cb.id());
        assertThat(nodes.probe().hkeys(nodes.prefix() + "{rooms}:room:defaultRoom")).containsExactly(cb.id());
        assertThat(nodes.probe().smembers(nodes.prefix() + "{rooms}:nodes")).containsExactly(b.redis().nodeId());
        assertThat(a.redis().ready()).isFalse();
        assertThat(b.redis().ready()).isTrue();
        a.redis().close();
        assertThatThrownBy(() -> a.redis().cacheStore().load("k")).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE));
    }

    private long subscribers(String channel) {
        return nodes.probe().pubsubNumsub(channel).getOrDefault(channel, 0L);
    }
}
