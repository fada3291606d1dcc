package io.tether.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.BiConsumer;

/**
 * Which pub/sub a node uses for its room and session channels: classic
 * ({@code PUBLISH}/{@code SUBSCRIBE}) on a standalone or Sentinel-watched Redis and on a Redis
 * Cluster older than 7, sharded ({@code SPUBLISH}/{@code SSUBSCRIBE}) on Redis Cluster 7+,
 * where a channel lives on the shard of its slot instead of being broadcast to every node of
 * the cluster. Lettuce routes sharded commands to the shard owning the channel's slot.
 */
final class Channels {
    private final boolean sharded;
    private final boolean countsSubscribers;

    private Channels(boolean sharded, boolean countsSubscribers) {
        this.sharded = sharded;
        this.countsSubscribers = countsSubscribers;
    }

    /** Classic pub/sub on one server: PUBLISH counts every subscriber. */
    static Channels classic() {
        return new Channels(false, true);
    }

    /**
     * Classic pub/sub on a Redis Cluster (before 7): PUBLISH is broadcast to every node but
     * counts only the subscribers of the node that took it.
     */
    static Channels classicOnCluster() {
        return new Channels(false, false);
    }

    /** Sharded pub/sub (Redis Cluster 7+): SPUBLISH reaches the subscribers of the channel's shard. */
    static Channels sharded() {
        return new Channels(true, true);
    }

    boolean isSharded() {
        return sharded;
    }

    /** Publishes (blocking); returns the count Redis answered. */
    long publish(RedisClusterCommands<String, String> redis, String channel, String message) {
        Long n = sharded ? redis.spublish(channel, message) : redis.publish(channel, message);
        return n == null ? 0 : n;
    }

    /**
     * Issues the publish without waiting; the future completes with the count Redis answered.
     * Lettuce routes it by the channel (the slot of the channel on Redis Cluster), so the
     * publishes of one channel take one connection and keep their order on it.
     */
    RedisFuture<Long> publishAsync(RedisClusterAsyncCommands<String, String> redis, String channel, String message) {
        return sharded ? redis.spublish(channel, message) : redis.publish(channel, message);
    }

    /** Whether a publish that Redis counted {@code count} may have reached a subscriber. */
    boolean heard(long count) {
        return count > 0 || !countsSubscribers;
    }

    /** Subscribes and waits for Redis to confirm. */
    void subscribe(StatefulRedisPubSubConnection<String, String> connection, String channel) {
        if (sharded) {
            connection.sync().ssubscribe(channel);
        } else {
            connection.sync().subscribe(channel);
        }
    }

    RedisFuture<Void> subscribeAsync(StatefulRedisPubSubConnection<String, String> connection, String channel) {
        return sharded ? connection.async().ssubscribe(channel) : connection.async().subscribe(channel);
    }

    RedisFuture<Void> unsubscribeAsync(StatefulRedisPubSubConnection<String, String> connection, String channel) {
        return sharded ? connection.async().sunsubscribe(channel) : connection.async().unsubscribe(channel);
    }

    /** Adds a listener that hands every message (classic or sharded) to {@code each(channel, payload)}. */
    static void onMessage(StatefulRedisPubSubConnection<String, String> connection, BiConsumer<String, String> each) {
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String payload) {
                each.accept(channel, payload);
            }

            @Override
            public void smessage(String channel, String payload) {
                each.accept(channel, payload);
            }
        });
    }

    @Override
    public String toString() {
        return sharded ? "sharded pub/sub" : "classic pub/sub";
    }
}
