package io.tether.redis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the node reaches the primary of every shard of a Redis Cluster, as the last completed
 * round of pings said ({@link RedisLink#pingShardPrimaries}). The heartbeat key lives on one
 * shard; a node that cannot reach another shard's slots (its primary down, the replica not
 * promoted yet) cannot serve the rooms and sessions stored there, so it is not ready either.
 *
 * <p>A round is started on every heartbeat tick and never waited for: the heartbeat must keep
 * its own rhythm (a blocked tick would let the node's heartbeat key expire, and other nodes
 * would sweep its members). A round still running is not doubled; a round completing after a
 * newer one is ignored. Outside Redis Cluster every round succeeds at once.
 */
final class ShardReachability {
    private static final Logger LOG = LoggerFactory.getLogger(ShardReachability.class);

    private final Supplier<CompletableFuture<Void>> pings;
    private final String nodeId;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean reachable = true;

    ShardReachability(Supplier<CompletableFuture<Void>> pings, String nodeId) {
        this.pings = pings;
        this.nodeId = nodeId;
    }

    /** Starts a round of pings unless one is still running. */
    void probe() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        long round = started.incrementAndGet();
        CompletableFuture<Void> f;
        try {
            f = pings.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((ok, failure) -> {
            running.set(false);
            if (failure != null && cancelled(failure)) {
                return; // the node is closing its connections: no statement about the shards
            }
            if (applied.getAndAccumulate(round, Math::max) < round) {
                boolean now = failure == null;
                if (now != reachable) {
                    if (now) {
                        LOG.info("redis: node {} reaches every shard's primary again", nodeId);
                    } else {
                        LOG.warn("redis: node {} does not reach every shard's primary: {}", nodeId, failure.toString());
                    }
                }
                reachable = now;
            }
        });
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the last completed round reached every shard's primary (true before the first). */
    boolean reachable() {
        return reachable;
    }
}
