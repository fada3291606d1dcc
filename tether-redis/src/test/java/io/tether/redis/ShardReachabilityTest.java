package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The bookkeeping of rounds of shard pings: one at a time, the latest completed round wins, a close says nothing. */
class ShardReachabilityTest {
    private final Deque<CompletableFuture<Void>> rounds = new ArrayDeque<>();
    private final ShardReachability shards = new ShardReachability(() -> {
        CompletableFuture<Void> f = new CompletableFuture<>();
        rounds.add(f);
        return f;
    }, "n1");

    @Test
    void aFailedRoundMakesItUnreachableAndASucceedingOneReachableAgain() {
        assertThat(shards.reachable()).isTrue();
        shards.probe();
        rounds.removeLast().completeExceptionally(new IllegalStateException("PING timed out"));
        assertThat(shards.reachable()).isFalse();
        shards.probe();
        rounds.removeLast().complete(null);
        assertThat(shards.reachable()).isTrue();
    }

    @Test
    void aRoundStillRunningIsNotDoubled() {
        shards.probe();
        shards.probe();
        assertThat(rounds).hasSize(1);
        rounds.removeLast().complete(null);
        shards.probe();
        assertThat(rounds).hasSize(1);
    }

    @Test
    void aCancelledRoundSaysNothing() {
        shards.probe();
        rounds.removeLast().completeExceptionally(new IllegalStateException("down"));
        shards.probe();
        rounds.removeLast().completeExceptionally(new CancellationException());
        assertThat(shards.reachable()).isFalse();
        shards.probe();
        rounds.removeLast().complete(null);
        shards.probe();
        rounds.removeLast().cancel(true);
        assertThat(shards.reachable()).isTrue();
    }

    @Test
    void aSupplierThatThrowsCountsAsAFailedRound() {
        ShardReachability throwing = new ShardReachability(() -> {
            throw new IllegalStateException("no topology");
        }, "n2");
        throwing.probe();
        assertThat(throwing.reachable()).isFalse();
    }
}
