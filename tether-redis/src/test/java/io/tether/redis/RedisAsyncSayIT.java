package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Says published asynchronously (several of one session in flight, no worker hop) against a
 * real Redis: order across nodes, failures while Redis is down or paused, and shutdown with
 * says in flight.
 */
class RedisAsyncSayIT extends TwoNodeRoomFixture {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final int MANY = 3000;

    @Override
    RedisTestServer redis() {
        return REDIS;
    }

    @Override
    Duration commandTimeout() {
        return Duration.ofSeconds(2);
    }

    @Test
    void theRedisBrokerPublishesAsynchronously() {
        assertThat(a.redis().roomBroker().asyncPublish()).isTrue();
        assertThat(a.redis().roomBroker().nonBlocking()).isFalse();
    }

    /** Many says of one session issued without waiting reach the member on the other node in order. */
    @Test
    void saysOfOneSessionInFlightArriveInOrderOnTheOtherNode() throws Exception {
        List<CompletableFuture<Void>> says = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            says.add(a.core().rooms().say(ca, "defaultRoom", "m" + i));
        }
        // b says at the same time: its says interleave, but each session's stay in order
        List<CompletableFuture<Void>> fromB = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fromB.add(b.core().rooms().say(cb, "defaultRoom", "b" + i));
        }
        CompletableFuture.allOf(says.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        CompletableFuture.allOf(fromB.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<String> expectedA = IntStream.range(0, MANY).mapToObj(i -> "m" + i).toList();
        List<String> expectedB = IntStream.range(0, 100).mapToObj(i -> "b" + i).toList();
        for (List<RoomMessage> inbox : List.of(inboxA, inboxB)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox.size() == MANY + 100);
            assertThat(inbox).filteredOn(m -> m.from().equals(ca.id())).extracting(RoomMessage::message)
                    .containsExactlyElementsOf(expectedA);
            assertThat(inbox).filteredOn(m -> m.from().equals(cb.id())).extracting(RoomMessage::message)
                    .containsExactlyElementsOf(expectedB);
        }
    }

    /** Redis stopped: a say answers CLUSTER_UNAVAILABLE with the local-delivery text at once, local members got it. */
    @Test
    void sayWhileRedisIsDownReachesLocalMembersAndSaysSo() {
        REDIS.assumeControllable();
        REDIS.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.redis().ready());
        long start = System.nanoTime();
        TetherException e = failure(a.core().rooms().say(ca, "defaultRoom", "local only"));
        assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("cluster unavailable: the shared store is not reachable;"
                + " the message reached members on this node only");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(inboxA).extracting(RoomMessage::message).containsExactly("local only");
        assertThat(inboxB).isEmpty();
        REDIS.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> a.redis().ready() && b.redis().ready());
        TestNodes.sync(a.core().rooms().say(ca, "defaultRoom", "back"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(inboxB).extracting(RoomMessage::message).containsExactly("back"));
    }

    /** Redis paused: says in flight fail after the command timeout (not hanging), each delivered locally. */
    @Test
    void saysWhileRedisIsPausedFailAfterTheCommandTimeout() throws Exception {
        REDIS.assumeControllable();
        Duration timeout = a.redis().options().commandTimeout();
        nodes.probe().clientPause(timeout.toMillis() * 3);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> says = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            says.add(a.core().rooms().say(ca, "defaultRoom", "p" + i));
        }
        for (CompletableFuture<Void> say : says) {
            say.handle((ok, e) -> null).get(timeout.toMillis() + 20_000, TimeUnit.MILLISECONDS);
            TetherException e = failure(say);
            assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo("cluster unavailable: the shared store did not answer in time;"
                    + " the message reached members on this node only");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout.minusMillis(100));
        // each reached the local member once; in the order the commands timed out (Lettuce's
        // timeouts of commands in flight together fire in no particular order)
        assertThat(inboxA).extracting(RoomMessage::message)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "p" + i).toList());
    }

    /**
     * Redis paused: a leave does not wait for its fence longer than the command timeout (on
     * top of the removal's own), succeeds locally, and the member hears nothing more.
     */
    @Test
    void aLeaveWhileRedisIsPausedCompletesWithinTheCommandTimeouts() throws Exception {
        REDIS.assumeControllable();
        Duration timeout = a.redis().options().commandTimeout();
        nodes.probe().clientPause(timeout.toMillis() * 3);
        long start = System.nanoTime();
        a.core().rooms().leave(ca, "defaultRoom").get(timeout.toMillis() * 2 + 5_000, TimeUnit.MILLISECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.multipliedBy(2).plusSeconds(2));
        assertThat(a.redis().roomBroker().fencesInFlight()).isZero();
        nodes.probe().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE"));
        TestNodes.sync(b.core().rooms().say(cb, "defaultRoom", "after"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(inboxB).extracting(RoomMessage::message).contains("after"));
        assertThat(inboxA).extracting(RoomMessage::message).doesNotContain("after");
    }

    /** Closing the node while says wait for a paused Redis completes each of them: success or SHUTTING_DOWN. */
    @Test
    void closingWithSaysInFlightCompletesEveryOne() throws Exception {
        REDIS.assumeControllable();
        nodes.probe().clientPause(20_000);
        List<CompletableFuture<Void>> says = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            says.add(a.core().rooms().say(ca, "defaultRoom", "s" + i));
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            a.core().close();
            a.redis().close();
        });
        for (CompletableFuture<Void> say : says) {
            say.handle((ok, e) -> null).get(60, TimeUnit.SECONDS);
            if (say.isCompletedExceptionally()) {
                assertThat(failure(say).code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
            }
        }
        closing.get(60, TimeUnit.SECONDS);
        nodes.probe().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                new CommandArgs<>(StringCodec.UTF8).add("UNPAUSE"));
    }

    private static TetherException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            return (TetherException) e.getCause();
        }
        throw new AssertionError("not failed");
    }
}
