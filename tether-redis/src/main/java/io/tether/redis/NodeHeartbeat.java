package io.tether.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's liveness in Redis, run on the node's own scheduler thread (never a Netty loop).
 * Every interval it refreshes the heartbeat key (PX = heartbeat TTL), sweeps the members of
 * nodes whose heartbeat expired and retries failed removals. When the old heartbeat was gone
 * (Redis restarted empty, or this node was presumed dead), and after any failed tick (a
 * failover may have lost the latest writes), it re-announces the node's rooms and members;
 * after any failed tick it also re-syncs the room subscriptions. On a Redis Cluster a tick also
 * starts a round of pings of every shard's primary ({@link ShardReachability}), and the node is
 * healthy only while the last round reached them all.
 */
final class NodeHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);

    private final RedisClusterCommands<String, String> redis;
    private final RedisKeys keys;
    private final RedisOptions options;
    private final RedisRoomBroker broker;
    private final ScheduledExecutorService scheduler;
    private final ShardReachability shards;
    private volatile ScheduledFuture<?> task;
    private volatile boolean healthy;

    NodeHeartbeat(RedisClusterCommands<String, String> redis, RedisKeys keys, RedisOptions options, RedisRoomBroker broker,
                  ScheduledExecutorService scheduler, ShardReachability shards) {
        this.redis = redis;
        this.shards = shards;
        this.keys = keys;
        this.options = options;
        this.broker = broker;
        this.scheduler = scheduler;
    }

    /** Announces the node once (blocking) and starts the periodic heartbeat. */
    void start() {
        beat();
        healthy = true;
        long every = options.heartbeatInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops beating; the heartbeat key then expires after its TTL. */
    void stop() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        healthy = false;
    }

    /** Whether the last heartbeat reached Redis (on a Redis Cluster: and every shard's primary). */
    boolean healthy() {
        return healthy && shards.reachable();
    }

    private void tick() {
        if (broker.isClosed()) {
            return;
        }
        try {
            boolean lost = beat();
            if (lost) {
                LOG.info("redis: heartbeat of node {} was gone; re-announcing its rooms and members", options.nodeId());
                broker.reannounce();
            } else if (!healthy) {
                // after an outage that the heartbeat key survived (e.g. a quick failover to a replica):
                // joins written just before it may not have reached the replica; re-joining is idempotent
                broker.reannounce();
            }
            // also when a subscription change failed after the outage: the pub/sub connection
            // reconnects on its own schedule, and what failed on it is repaired on a later beat
            if (lost || !healthy || broker.subscriptionsOutOfSync()) {
                broker.resubscribe();
            }
            broker.flushPendingRemovals();
            shards.probe();
            redis.eval(LuaScripts.SWEEP, ScriptOutputType.INTEGER, new String[] {keys.nodes()}, keys.registry(), "");
            if (!healthy) {
                LOG.info("redis: node {} is connected to {} again", options.nodeId(), options.redactedUri());
            }
            healthy = true;
        } catch (RuntimeException e) {
            if (healthy) {
                LOG.warn("redis: heartbeat of node {} failed: {}", options.nodeId(), e.toString());
            }
            healthy = false;
        }
    }

    /** Refreshes the heartbeat key; returns true if it had expired or vanished. */
    private boolean beat() {
        String old = redis.eval(LuaScripts.HEARTBEAT, ScriptOutputType.VALUE,
                new String[] {keys.heartbeat(options.nodeId()), keys.nodes()},
                Long.toString(System.currentTimeMillis()), Long.toString(options.heartbeatTtl().toMillis()),
                options.nodeId());
        return old == null;
    }
}
