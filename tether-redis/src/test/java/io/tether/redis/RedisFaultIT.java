package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis going away and coming back, and a node dying without cleanup. */
class RedisFaultIT extends TwoNodeRoomFixture {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();

    @Override
    RedisTestServer redis() {
        return REDIS;
    }

    @Override
    Duration commandTimeout() {
        // faults are the point here: a short command timeout, so that a paused Redis fails fast
        return Duration.ofSeconds(1);
    }

    @Test
    void whileRedisIsDownCallsFailFastThenEverythingRecovers() {
        REDIS.assumeControllable();
        REDIS.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> !a.redis().ready() && !b.redis().ready());

        assertUnavailableFast(() -> a.core().rooms().view("defaultRoom"));
        assertUnavailableFast(() -> b.core().cache().save("k", 1, null));
        assertUnavailableFast(() -> b.core().cache().size());
        assertUnavailableFast(() -> TestNodes.sync(a.core().rooms().say(ca, "defaultRoom", "local only")));
        assertThat(inboxA).extracting(RoomMessage::message).containsExactly("local only");
        assertThat(inboxB).isEmpty();

        REDIS.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.redis().ready() && b.redis().ready());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(ca.id(), cb.id()));
        TestNodes.sync(b.core().rooms().say(cb, "defaultRoom", "back again"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(inboxA).extracting(RoomMessage::message).containsExactly("local only", "back again");
            assertThat(inboxB).extracting(RoomMessage::message).containsExactly("back again");
        });
        assertThat(a.core().cache().save("k", 1, null)).isTrue();
        assertThat(b.core().cache().load("k")).isPresent();
    }

    @Test
    void leavingWhileRedisIsDownIsAppliedWhenItIsBack() {
        REDIS.assumeControllable();
        a.core().cache().save("survivor", "x", null);
        REDIS.stop();
        await().atMost(Duration.ofSeconds(3)).until(() -> !a.redis().ready());
        TestNodes.sync(a.core().rooms().leave(ca, "defaultRoom"));
        assertThat(ca.rooms()).isEmpty();
        REDIS.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.redis().ready() && b.redis().ready());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(cb.id()));
        String channel = nodes.channel("defaultRoom");
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
                nodes.probe().pubsubNumsub(channel)).containsEntry(channel, 1L));
        assertThat(a.redis().roomBroker().members("defaultRoom")).containsOnlyKeys(cb.id());
    }

    @Test
    void crashedNodesMembersVanishWithinTheHeartbeatTtl() {
        Duration ttl = a.redis().options().heartbeatTtl();
        assertThat(b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(ca.id(), cb.id());
        long crashedAt = System.nanoTime();
        a.redis().simulateCrash();
        await().atMost(ttl.plusMillis(500)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(
                b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(cb.id()));
        assertThat(Duration.ofNanos(System.nanoTime() - crashedAt)).isLessThanOrEqualTo(ttl.plusMillis(500));
        String room = nodes.prefix() + "{rooms}:room:defaultRoom";
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(nodes.probe().hkeys(room)).containsExactly(cb.id());
            assertThat(nodes.probe().smembers(nodes.prefix() + "{rooms}:nodes")).containsExactly(b.redis().nodeId());
        });
        TestNodes.sync(b.core().rooms().say(cb, "defaultRoom", "still here"));
        await().atMost(Duration.ofSeconds(3)).until(() -> inboxB.size() == 1);
    }

    @Test
    void slowRedisFailsAfterTheCommandTimeoutInsteadOfHanging() {
        REDIS.assumeControllable();
        Duration timeout = a.redis().options().commandTimeout();
        nodes.probe().clientPause(timeout.toMillis() * 2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> a.core().cache().load("k")).isInstanceOfSatisfying(TetherException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
            assertThat(e.getMessage()).contains("did not answer in time");
        });
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(timeout.minusMillis(100), timeout.plusSeconds(5)); // not hanging; slack for a loaded machine
        // the pause outlasts the call, and a loaded machine delays the heartbeat that sees Redis back
        await().atMost(Duration.ofSeconds(30)).until(() -> a.redis().ready() && b.redis().ready());
        assertThat(b.core().rooms().view("defaultRoom").members()).containsOnlyKeys(ca.id(), cb.id());
    }

    @Test
    void nodeCannotStartWithoutRedis() {
        REDIS.assumeControllable();
        REDIS.stop();
        assertThatThrownBy(() -> nodes.start())
                .isInstanceOfSatisfying(TetherException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("not reachable").doesNotContain("Exception");
                });
    }

    private static void assertUnavailableFast(ThrowingCallable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call).isInstanceOfSatisfying(TetherException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("cluster unavailable: ")
                    .as("clients read this text: no address, no key").doesNotContain(REDIS.uri()).doesNotContain("key");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }
}
