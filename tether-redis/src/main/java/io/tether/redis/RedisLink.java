package io.tether.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.protocol.ConnectionIntent;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

/**
 * The Lettuce side of a node for its {@link RedisMode}: {@link RedisClient} for a standalone
 * server and for a Sentinel set (Lettuce asks the sentinels for the current primary on every
 * (re)connect, so the node follows a failover), {@link RedisClusterClient} for a Redis Cluster
 * (topology refreshed periodically and on MOVED/ASK redirects and persistent reconnects, so the
 * node follows a promoted replica). Holds the command connection, the room pub/sub connection
 * and the pub/sub flavour ({@link Channels}) picked from the mode and the server version.
 */
final class RedisLink {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    private static final Pattern VERSION = Pattern.compile("(?m)^redis_version:(\\d+)\\.");

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;
    private final RedisClusterAsyncCommands<String, String> asyncCommands;
    private final Supplier<StatefulRedisPubSubConnection<String, String>> pubSubFactory;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final Channels channels;
    private volatile Disposable topologyWatch;

    private RedisLink(AbstractRedisClient client, StatefulConnection<String, String> connection,
                      RedisClusterCommands<String, String> commands, RedisClusterAsyncCommands<String, String> asyncCommands,
                      Supplier<StatefulRedisPubSubConnection<String, String>> pubSubFactory, Channels channels) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
        this.asyncCommands = asyncCommands;
        this.pubSubFactory = pubSubFactory;
        this.channels = channels;
        this.pubSub = pubSubFactory.get();
    }

    /**
     * Creates the client; the caller shuts it down with {@link #shutdown} if connecting fails
     * ({@link #connect} then throws a Lettuce exception).
     */
    static AbstractRedisClient client(RedisOptions options, ClientResources resources, List<RedisURI> uris) {
        if (options.mode() == RedisMode.CLUSTER) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
            cluster.setOptions(clusterOptions(options));
            return cluster;
        }
        RedisClient single = RedisClient.create(resources, uris.get(0));
        single.setOptions(clientOptions(options));
        return single;
    }

    /** Connects the command and room pub/sub connections; Lettuce exceptions pass through. */
    static RedisLink connect(AbstractRedisClient client) {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> c = cluster.connect();
            try {
                Channels channels = majorVersion(c.sync().info("server")) >= 7 ? Channels.sharded()
                        : Channels.classicOnCluster();
                LOG.info("redis: cluster of {} nodes, rooms on {}", c.getPartitions().size(), channels);
                return new RedisLink(client, c, c.sync(), c.async(), cluster::connectPubSub, channels);
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
        RedisClient single = (RedisClient) client;
        StatefulRedisConnection<String, String> c = single.connect();
        try {
            return new RedisLink(client, c, c.sync(), c.async(), single::connectPubSub, Channels.classic());
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    RedisClusterCommands<String, String> commands() {
        return commands;
    }

    /** The asynchronous API of the command connection (same connection as {@link #commands()}). */
    RedisClusterAsyncCommands<String, String> asyncCommands() {
        return asyncCommands;
    }

    /** How asynchronous publishes keep their order on this link's connections. */
    PublishOrder publishOrder() {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return new PublishOrder(channel -> shardConnection(cluster, channel));
        }
        return PublishOrder.singleConnection();
    }

    /**
     * The connection Lettuce writes a command on {@code key} to: the one to the primary of the
     * key's slot (Lettuce keys slot connections by host and port, as asked here; asking opens it
     * if needed). Null when the slot has no known primary (Lettuce then fails the command).
     */
    private static CompletableFuture<?> shardConnection(StatefulRedisClusterConnection<String, String> cluster,
                                                        String key) {
        RedisClusterNode primary = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
        if (primary == null || primary.getUri() == null) {
            return null;
        }
        try {
            return cluster.getConnectionAsync(primary.getUri().getHost(), primary.getUri().getPort(),
                    ConnectionIntent.WRITE);
        } catch (RuntimeException e) { // not a member of the topology any more: the write finds out
            return null;
        }
    }

    /** The pub/sub connection of the rooms. */
    StatefulRedisPubSubConnection<String, String> pubSub() {
        return pubSub;
    }

    /** A new pub/sub connection (one per session store). */
    StatefulRedisPubSubConnection<String, String> newPubSub() {
        return pubSubFactory.get();
    }

    Channels channels() {
        return channels;
    }

    /**
     * Runs {@code action} (on a Lettuce thread: it must not block) whenever Lettuce saw the
     * cluster's topology change, e.g. a replica promoted after its primary failed. Sharded
     * subscriptions live on the shard's primary, and Lettuce does not move them to a promoted
     * replica by itself: the action subscribes again. No-op outside Redis Cluster.
     */
    void onTopologyChange(Runnable action) {
        if (client instanceof RedisClusterClient) {
            topologyWatch = client.getResources().eventBus().get()
                    .filter(ClusterTopologyChangedEvent.class::isInstance)
                    .subscribe(e -> {
                        try {
                            action.run();
                        } catch (RuntimeException ex) {
                            LOG.warn("redis: re-subscribing after a topology change failed: {}", ex.toString());
                        }
                    });
        }
    }

    /**
     * On a Redis Cluster, pings the primary of every shard that serves slots (as the node's
     * current topology has them), each on its own connection, all at once; the future fails
     * with the first failure (a primary that went down and was not replaced yet: the command
     * times out after the command timeout). Never blocks. Outside Redis Cluster it is complete
     * at once (there the heartbeat's own command reaches the one primary).
     */
    CompletableFuture<Void> pingShardPrimaries() {
        if (!(connection instanceof StatefulRedisClusterConnection<String, String> cluster)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<String>> pings = new ArrayList<>();
        for (RedisClusterNode node : cluster.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()) {
                pings.add(cluster.getConnectionAsync(node.getNodeId())
                        .thenCompose(c -> c.async().ping().toCompletableFuture()));
            }
        }
        return CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new));
    }

    /** Whether both connections are open (they may be reconnecting). */
    boolean isOpen() {
        return connection.isOpen() && pubSub.isOpen();
    }

    /** Closes both connections (the client is shut down by the caller). */
    void close() {
        Disposable watch = topologyWatch;
        if (watch != null) {
            watch.dispose();
        }
        closeQuietly(pubSub);
        closeQuietly(connection);
    }

    static void closeQuietly(AutoCloseable connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            // closing a connection that is already gone: nothing left to release
        }
    }

    /** The major version in an INFO server text (0 if absent). */
    static int majorVersion(String info) {
        Matcher m = VERSION.matcher(info == null ? "" : info);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static ClientOptions clientOptions(RedisOptions options) {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(options.requestQueueSize())
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(socketOptions(options))
                .build();
    }

    private static ClusterClientOptions clusterOptions(RedisOptions options) {
        // the periodic refresh finds a promoted replica even when no command ran into the old primary;
        // the adaptive triggers (MOVED/ASK, persistent reconnects) find it as soon as one does
        Duration refresh = options.heartbeatTtl();
        // commands wait (at most the command timeout) instead of being rejected while a node
        // connection is not up: Lettuce opens the connection to each primary lazily, and would
        // reject the first command sent to it
        return ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .requestQueueSize(options.requestQueueSize())
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(socketOptions(options))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(refresh)
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(options.heartbeatInterval())
                        .refreshTriggersReconnectAttempts(2)
                        .build())
                .build();
    }

    private static SocketOptions socketOptions(RedisOptions options) {
        return SocketOptions.builder().connectTimeout(options.commandTimeout()).build();
    }
}
