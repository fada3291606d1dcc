package io.tether.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tether.api.RoomMessage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's room channels on the pub/sub connection: subscribed exactly while the node has
 * local members in the room. Derived state of the {@link RedisRoomBroker}, its only writer:
 * the wanted rooms follow the room service's {@code listen}/{@code unlisten} calls (one at a
 * time per room, the last one matching the room's local members). Messages arrive on a Lettuce I/O thread and go straight to the
 * sink, which must not block. Lettuce re-subscribes by itself after a reconnect;
 * {@link #resync()} repairs what failed while Redis was unreachable.
 *
 * <p>Fences: a payload that starts with {@link #FENCE} is not a room message but a marker a
 * node publishes into a room's channel to learn that everything published there before it has
 * arrived ({@link RedisRoomBroker#awaitDelivered}); each node completes its own markers and
 * ignores the others' (a node of an older version decodes none of them and ignores them too).
 */
final class RoomSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(RoomSubscriptions.class);
    /** How a fence payload starts: not JSON, so no room message and no other payload is one. */
    static final String FENCE = "tether-fence:";

    private final StatefulRedisPubSubConnection<String, String> connection;
    private final RedisKeys keys;
    private final RoomMessageCodec codec;
    private final Channels channels;
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    /** This node's fences in flight, by payload. */
    private final Map<String, CompletableFuture<Void>> fences = new ConcurrentHashMap<>();
    private final AtomicLong fenceCount = new AtomicLong();
    private final String fencePrefix;
    private volatile Consumer<RoomMessage> sink = m -> { };
    /** A subscribe or unsubscribe failed since the last {@link #resync()}. */
    private volatile boolean repairNeeded;

    RoomSubscriptions(StatefulRedisPubSubConnection<String, String> connection, RedisKeys keys,
                      RoomMessageCodec codec, Channels channels, String nodeId) {
        this.fencePrefix = FENCE + nodeId + ":";
        this.connection = connection;
        this.keys = keys;
        this.codec = codec;
        this.channels = channels;
        Channels.onMessage(connection, (channel, payload) -> onMessage(payload));
    }

    void start(Consumer<RoomMessage> delivery) {
        this.sink = delivery;
    }

    /**
     * Called when a local member joined, before the room service records it: if the node does
     * not listen to the room yet, subscribes and waits (up to the command timeout) for Redis to
     * confirm, so the member hears everything sent after its join returns. Never throws; a
     * failed subscription is repaired by {@link #listen} and {@link #resync()}.
     */
    void prepare(String room) {
        if (wanted.contains(room)) {
            return;
        }
        try {
            channels.subscribe(connection, keys.channel(room));
            subscribed.add(room);
        } catch (RedisException e) {
            repairNeeded = true;
            LOG.warn("redis: subscribing to room {} failed ({}); retried when Redis is back", room, e.toString());
        }
    }

    /**
     * Listens to the room: subscribes without waiting (the broker contract: listen/unlisten do
     * not block; commands on the one pub/sub connection keep their order, and the room service
     * issues them one at a time per room, so the last of listen/unlisten wins).
     */
    void listen(String room) {
        wanted.add(room);
        try {
            channels.subscribeAsync(connection, keys.channel(room)).whenComplete((ok, error) -> {
                if (error == null) {
                    subscribed.add(room);
                } else {
                    repairNeeded = true;
                    LOG.debug("redis: subscribing to room {} failed ({}); repaired later", room, error.toString());
                }
            });
        } catch (RuntimeException e) {
            repairNeeded = true;
            LOG.debug("redis: subscribing to room {} failed ({}); repaired later", room, e.toString());
        }
    }

    /** Unsubscribes from the room's channel without waiting. */
    void unlisten(String room) {
        wanted.remove(room);
        unsubscribe(room);
    }

    /** Rooms the node listens to. */
    Set<String> listened() {
        return Set.copyOf(wanted);
    }

    /**
     * Whether the subscriptions in Redis may differ from the wanted rooms: an unsubscribe or a
     * subscribe failed (e.g. the pub/sub connection was still down when the node's other
     * connection was back, and Lettuce re-subscribes what it had when it reconnects).
     */
    boolean outOfSync() {
        return repairNeeded;
    }

    /** Brings the subscriptions in Redis in line with the wanted rooms (after an outage). */
    void resync() {
        repairNeeded = false;
        Set<String> stale = new HashSet<>(subscribed);
        stale.removeAll(wanted);
        stale.forEach(this::unsubscribe);
        for (String room : Set.copyOf(wanted)) {
            channels.subscribe(connection, keys.channel(room));
            subscribed.add(room);
        }
    }

    /**
     * Subscribes again to every wanted room without waiting (after the Redis Cluster topology
     * changed: a sharded subscription does not follow its shard to a promoted replica by
     * itself; subscribing to a channel the connection already has is harmless).
     */
    void refresh() {
        if (!channels.isSharded()) {
            return;
        }
        for (String room : Set.copyOf(wanted)) {
            try {
                channels.subscribeAsync(connection, keys.channel(room)).whenComplete((ok, error) -> {
                    if (error != null) {
                        repairNeeded = true;
                    }
                });
            } catch (RuntimeException e) {
                repairNeeded = true;
            }
        }
    }

    /** Whether the room's channel is subscribed, as Redis confirmed, and wanted. */
    boolean hears(String room) {
        return wanted.contains(room) && subscribed.contains(room);
    }

    /**
     * A new fence of this node: its payload and the future its arrival completes. The caller
     * publishes the payload and must {@link #forget} it once done waiting.
     */
    Fence newFence() {
        Fence fence = new Fence(fencePrefix + fenceCount.incrementAndGet(), new CompletableFuture<>());
        fences.put(fence.payload(), fence.arrived());
        return fence;
    }

    /** A fence: what to publish, and the future its arrival on this node's connection completes. */
    record Fence(String payload, CompletableFuture<Void> arrived) {
    }

    void forget(String fence) {
        fences.remove(fence);
    }

    /** Fences in flight (tests). */
    int fencesInFlight() {
        return fences.size();
    }

    /** Hands a message to the local sink directly (Redis unreachable, local members only). */
    void deliverLocally(RoomMessage message) {
        if (wanted.contains(message.room())) {
            sink.accept(message);
        }
    }

    private void unsubscribe(String room) {
        try {
            channels.unsubscribeAsync(connection, keys.channel(room)).whenComplete((ok, error) -> {
                if (error == null) {
                    if (!wanted.contains(room)) {
                        subscribed.remove(room);
                    }
                } else {
                    repairNeeded = true;
                    LOG.debug("redis: unsubscribing from room {} failed ({}); repaired later", room, error.toString());
                }
            });
        } catch (RuntimeException e) {
            repairNeeded = true;
            LOG.debug("redis: unsubscribing from room {} failed ({}); repaired later", room, e.toString());
        }
    }

    private void onMessage(String payload) {
        if (payload.startsWith(FENCE)) {
            CompletableFuture<Void> arrived = fences.remove(payload);
            if (arrived != null) {
                arrived.complete(null);
            }
            return;
        }
        RoomMessage message = codec.decode(payload);
        if (message == null) {
            LOG.debug("redis: ignoring a payload that is not a room message");
            return;
        }
        if (wanted.contains(message.room())) {
            try {
                sink.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("redis: delivering a message of room {} failed", message.room(), e);
            }
        }
    }
}
