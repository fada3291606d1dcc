package io.tether.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionQuota;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Tether node's membership in a Redis-backed cluster: owns the Lettuce client (for a
 * standalone Redis, a Sentinel set or a Redis Cluster: {@link RedisOptions#mode()}), one
 * connection for commands and one for pub/sub (both reconnect and resubscribe by
 * themselves), the node heartbeat on its own scheduler thread, and the
 * {@link RedisRoomBroker} and {@link RedisCacheStore} built on them.
 *
 * <pre>{@code
 * try (RedisNode redis = RedisNode.connect(RedisOptions.fromEnvironment());
 *      TetherCore core = TetherCore.builder()
 *              .roomBroker(redis.roomBroker())
 *              .cache(redis.cacheStore())
 *              .room("defaultRoom")
 *              .build()) {
 *     ...
 * }
 * }</pre>
 *
 * Close the core first (it closes the broker, which removes this node's members), then the node.
 */
public final class RedisNode implements AutoCloseable {
    private final RedisOptions options;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final RedisLink link;
    private final ScheduledExecutorService scheduler;
    private final NodeHeartbeat heartbeat;
    private final RedisRoomBroker broker;
    private final RedisCacheStore cache;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RedisCalls calls;
    private final RedisKeys keys;
    private final JsonMapper mapper;
    private final List<RedisSessionStore> sessionStores = new CopyOnWriteArrayList<>();

    private RedisNode(RedisOptions options) {
        this.options = options;
        List<RedisURI> uris = RedisEndpoints.lettuceUris(options.uri(), options.mode(), options.commandTimeout(),
                options.redactedUri());
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), options.maxReconnectDelay(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisLink.client(options, resources, uris);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("tether-redis-" + options.nodeId()).factory());
        this.calls = new RedisCalls(options.redactedUri());
        this.keys = new RedisKeys(options.keyPrefix());
        this.mapper = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
        try {
            this.link = RedisLink.connect(client);
            RoomMessageCodec codec = new RoomMessageCodec(mapper);
            RoomSubscriptions subscriptions = new RoomSubscriptions(link.pubSub(), keys, codec, link.channels(),
                    options.nodeId());
            this.broker = new RedisRoomBroker(link.commands(), link.asyncCommands(), link.publishOrder(), keys,
                    options.nodeId(), calls, subscriptions, codec,
                    link.channels(), options.commandTimeout(), this::stopHeartbeat);
            this.cache = new RedisCacheStore(link.commands(), keys, calls, new CacheValueCodec(mapper));
            this.heartbeat = new NodeHeartbeat(link.commands(), keys, options, broker, scheduler,
                    new ShardReachability(link::pingShardPrimaries, options.nodeId()));
            link.onTopologyChange(() -> {
                subscriptions.refresh();
                sessionStores.forEach(RedisSessionStore::refresh);
            });
            heartbeat.start();
        } catch (RedisException e) {
            shutdownQuietly();
            throw calls.unavailable("connecting node " + options.nodeId(), e);
        }
    }

    /** Connects to Redis and announces the node; fails with {@code CLUSTER_UNAVAILABLE} if Redis is unreachable. */
    public static RedisNode connect(RedisOptions options) {
        return new RedisNode(options);
    }

    /** The settings. */
    public RedisOptions options() {
        return options;
    }

    /** This node's id. */
    public String nodeId() {
        return options.nodeId();
    }

    /** The room broker of this node: one per node, for one {@code TetherCore}. */
    public RedisRoomBroker roomBroker() {
        return broker;
    }

    /** The cache store of this node (may be shared by several cores of the node). */
    public RedisCacheStore cacheStore() {
        return cache;
    }

    /**
     * A JSTP session store shared through Redis (one per JSTP listener), with its own pub/sub
     * connection; fails with {@code CLUSTER_UNAVAILABLE} if Redis is unreachable.
     *
     * @param expiry how long a session without transport stays restorable (Redis TTL)
     * @param limits bounds of each session's resend buffer (default caps and budget, own counters)
     * @param timer  a scheduler for the expiry sweep (e.g. {@code core.timer()})
     */
    public RedisSessionStore sessionStore(Duration expiry, SessionLimits limits, ScheduledExecutorService timer) {
        return sessionStore(expiry, SessionQuota.defaults(limits), timer);
    }

    /**
     * A JSTP session store shared through Redis (one per JSTP listener), with its own pub/sub
     * connection; fails with {@code CLUSTER_UNAVAILABLE} if Redis is unreachable.
     *
     * @param expiry how long a session without transport stays restorable (Redis TTL)
     * @param quota  bounds of the sessions this node holds (e.g. {@code options.sessionQuota(core.refusals())})
     * @param timer  a scheduler for the expiry sweep (e.g. {@code core.timer()})
     */
    public RedisSessionStore sessionStore(Duration expiry, SessionQuota quota, ScheduledExecutorService timer) {
        StatefulRedisPubSubConnection<String, String> sessionPubSub;
        try {
            sessionPubSub = link.newPubSub();
        } catch (RedisException e) {
            throw calls.unavailable("connecting the session channel", e);
        }
        SessionTransfer transfer = new SessionTransfer(link.commands(), sessionPubSub, keys, options.nodeId(), calls,
                mapper, expiry, options.commandTimeout().multipliedBy(2), link.channels());
        RedisSessionStore store = new RedisSessionStore(transfer, expiry, quota, timer);
        sessionStores.add(store);
        return store;
    }

    /** Whether both connections are up and the last heartbeat reached Redis: a health check. */
    public boolean ready() {
        return !closed.get() && link.isOpen() && heartbeat.healthy();
    }

    /** Removes this node's members (if the broker is still open), stops the heartbeat, closes the client. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        broker.close();
        for (RedisSessionStore store : sessionStores) {
            store.close();
            store.awaitClosed(options.commandTimeout().multipliedBy(3));
        }
        shutdownQuietly();
    }

    /** Test hook: dies like a killed process: no heartbeat, no cleanup, connections dropped. */
    void simulateCrash() {
        if (closed.compareAndSet(false, true)) {
            stopHeartbeat();
            shutdownQuietly();
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.stop();
        }
    }

    /** Whether rooms use sharded pub/sub (SPUBLISH/SSUBSCRIBE: Redis Cluster 7+). */
    public boolean shardedPubSub() {
        return link.channels().isSharded();
    }

    private void shutdownQuietly() {
        scheduler.shutdownNow();
        if (link != null) {
            link.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
