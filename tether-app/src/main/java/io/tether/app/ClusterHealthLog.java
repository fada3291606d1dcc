package io.tether.app;

import io.tether.redis.RedisNode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the cluster's health as it changes: a warning when this node loses Redis (not ready:
 * rooms and cache across nodes fail with {@code CLUSTER_UNAVAILABLE}), an info line when it
 * is back. Checks {@link RedisNode#ready()} (no I/O) once a second on the core's timer.
 */
final class ClusterHealthLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("tether");

    private final RedisNode redis;
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final ScheduledFuture<?> task;

    ClusterHealthLog(RedisNode redis, ScheduledExecutorService timer) {
        this.redis = redis;
        this.task = timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    private void check() {
        boolean now = redis.ready();
        if (ready.getAndSet(now) != now) {
            if (now) {
                LOG.info("cluster ready again: Redis at {} is reachable (node {})", redis.options().redactedUri(),
                        redis.nodeId());
            } else {
                LOG.warn("cluster NOT READY: Redis at {} is unreachable; rooms, cache and sessions across nodes "
                        + "fail until it is back (node {})", redis.options().redactedUri(), redis.nodeId());
            }
        }
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
