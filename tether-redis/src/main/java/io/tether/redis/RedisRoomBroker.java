package io.tether.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.core.room.RoomBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rooms of a cluster in Redis: the room set and each room's members (id, join time, owning
 * node) are shared by every node; {@link #publish} is a Redis PUBLISH (SPUBLISH on Redis
 * Cluster 7+) on the room's channel, to which a node subscribes only while it has local
 * members in the room. Members of a node
 * whose heartbeat expired are hidden from {@link #members} at once and purged by the sweep.
 *
 * <p>Calls block for at most the command timeout and fail with {@code CLUSTER_UNAVAILABLE}
 * while Redis is unreachable; it does not claim {@link #nonBlocking()}, so the room service
 * calls it only on the core's workers, never on an event loop ({@link #listen}/{@link #unlisten}
 * only queue a command on the pub/sub connection). The exception is {@link #publishAsync}
 * ({@link #asyncPublish()}): it issues the PUBLISH/SPUBLISH without waiting, on any thread, and
 * keeps the issue order per room ({@link PublishOrder}), so the room service runs says on the
 * caller's thread with several of one session in flight. Leaving always succeeds locally; removals
 * that cannot reach Redis are retried. Obtain it from {@link RedisNode#roomBroker()}.
 *
 * <p>It is the only writer of its derived state: {@link NodeMemberships} (what this node put
 * into Redis and must restore: written by {@link #createRoom}, {@link #destroyRoom},
 * {@link #addMember}, {@link #removeMember}) and {@link RoomSubscriptions} (the channels this
 * node listens to: written by {@link #addMember}, {@link #listen}, {@link #unlisten}). Both
 * follow the room service's calls, which own membership; neither is consulted to decide who is
 * a member.
 */
public final class RedisRoomBroker implements RoomBroker {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRoomBroker.class);

    private final RedisClusterCommands<String, String> redis;
    private final RedisClusterAsyncCommands<String, String> async;
    private final PublishOrder order;
    private final RedisKeys keys;
    private final String nodeId;
    private final RedisCalls calls;
    private final RoomSubscriptions subscriptions;
    private final RoomMessageCodec codec;
    private final Channels channels;
    private final NodeMemberships memberships = new NodeMemberships();
    private final Duration commandTimeout;
    private final Runnable beforeClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    RedisRoomBroker(RedisClusterCommands<String, String> redis, RedisClusterAsyncCommands<String, String> async,
                    PublishOrder order, RedisKeys keys, String nodeId, RedisCalls calls,
                    RoomSubscriptions subscriptions, RoomMessageCodec codec, Channels channels,
                    Duration commandTimeout, Runnable beforeClose) {
        this.redis = redis;
        this.async = async;
        this.order = order;
        this.keys = keys;
        this.nodeId = nodeId;
        this.calls = calls;
        this.subscriptions = subscriptions;
        this.codec = codec;
        this.channels = channels;
        this.commandTimeout = commandTimeout;
        this.beforeClose = beforeClose;
    }

    @Override
    public void start(Consumer<RoomMessage> sink) {
        subscriptions.start(sink);
    }

    @Override
    public boolean createRoom(String room) {
        boolean created = calls.call("creating room " + room, () -> redis.sadd(keys.rooms(), room) == 1);
        memberships.declared(room);
        return created;
    }

    @Override
    public boolean destroyRoom(String room) {
        Long existed = calls.call("destroying room " + room, () -> redis.eval(LuaScripts.DESTROY,
                ScriptOutputType.INTEGER, new String[] {keys.rooms(), keys.members(room)}, room));
        memberships.destroyed(room);
        return existed == 1;
    }

    @Override
    public boolean roomExists(String room) {
        return room != null && calls.call("checking room " + room, () -> redis.sismember(keys.rooms(), room));
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(calls.call("listing rooms", () -> redis.smembers(keys.rooms())));
    }

    @Override
    public boolean addMember(String room, String memberId, long joinedAt) {
        long result = join(room, memberId, joinedAt, true);
        if (result < 0) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        if (result == 1) {
            memberships.joined(room, memberId, joinedAt);
            subscriptions.prepare(room);
        }
        return result == 1;
    }

    @Override
    public boolean removeMember(String room, String memberId) {
        NodeMemberships.Member local = memberships.left(room, memberId);
        if (local == null) {
            return calls.call("leaving room " + room, () -> redis.hdel(keys.members(room), memberId) == 1);
        }
        try {
            calls.call("leaving room " + room, () -> redis.hdel(keys.members(room), memberId));
        } catch (TetherException e) {
            LOG.warn("redis: {}; the membership is removed once Redis is back", e.getMessage());
            memberships.removalPending(local);
        }
        return true;
    }

    @Override
    public Map<String, Long> members(String room) {
        List<Object> flat = calls.call("viewing room " + room, () -> redis.eval(LuaScripts.VIEW,
                ScriptOutputType.MULTI, new String[] {keys.members(room)}, keys.registry()));
        List<Listed> listed = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            listed.add(new Listed((String) flat.get(i), Long.parseLong((String) flat.get(i + 1)),
                    Long.parseLong((String) flat.get(i + 2))));
        }
        listed.sort(Comparator.comparingLong(Listed::seq));
        Map<String, Long> members = new LinkedHashMap<>();
        listed.forEach(l -> members.put(l.memberId(), l.joinedAt()));
        return members;
    }

    @Override
    public void publish(RoomMessage message) {
        String payload = codec.encode(message);
        try {
            calls.call("broadcasting to room " + message.room(), () -> channels.publish(redis, keys.channel(message.room()),
                    payload));
        } catch (TetherException e) {
            subscriptions.deliverLocally(message);
            throw new TetherException(ErrorCode.CLUSTER_UNAVAILABLE,
                    e.getMessage() + "; the message reached members on this node only", e.getCause());
        }
    }

    /**
     * Issues the PUBLISH (SPUBLISH) without waiting and never throws. The stage completes when
     * Redis answered; if it cannot be reached the message is delivered to this node's members
     * only and the stage fails with {@code CLUSTER_UNAVAILABLE} (the text of {@link #publish}),
     * or with {@code SHUTTING_DOWN} once the broker is closed.
     */
    @Override
    public CompletionStage<Void> publishAsync(RoomMessage message) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        try {
            String channel = keys.channel(message.room());
            String payload = codec.encode(message);
            order.issue(channel, () -> calls.callAsync("broadcasting to room " + message.room(),
                    () -> channels.publishAsync(async, channel, payload)).whenComplete((count, error) -> {
                        if (error == null) {
                            answered.complete(null);
                        } else {
                            answered.completeExceptionally(publishFailed(message, error));
                        }
                    }));
        } catch (RuntimeException e) { // encoding a message: nothing the caller should see thrown
            answered.completeExceptionally(e);
        }
        return answered;
    }

    /** True: {@link #publishAsync} never blocks, never throws, and keeps the order per room. */
    @Override
    public boolean asyncPublish() {
        return true;
    }

    private Throwable publishFailed(RoomMessage message, Throwable error) {
        if (closed.get()) {
            return new TetherException(ErrorCode.SHUTTING_DOWN, "the server is shutting down");
        }
        if (!(error instanceof TetherException e)) {
            return error;
        }
        try {
            subscriptions.deliverLocally(message);
        } catch (RuntimeException ex) {
            LOG.warn("redis: delivering a message of room {} locally failed", message.room(), ex);
        }
        return new TetherException(ErrorCode.CLUSTER_UNAVAILABLE,
                e.getMessage() + "; the message reached members on this node only", e.getCause());
    }

    /**
     * Publishes a fence into the room's channel (after this node's earlier publishes there,
     * {@link PublishOrder}) and waits for it to come back on the pub/sub connection: Redis
     * pushes a channel's messages to a subscriber in the order it took them, so everything
     * published into the room before the fence has then reached the sink. Returns at once when
     * the node does not hear the room; gives up after the command timeout (Redis unreachable,
     * the pub/sub connection lagging). On a Redis Cluster before 7 (classic pub/sub broadcast
     * between cluster nodes) only the order of this node's own publishes is certain.
     */
    @Override
    public void awaitDelivered(String room) {
        if (closed.get() || !subscriptions.hears(room)) {
            return;
        }
        String channel = keys.channel(room);
        RoomSubscriptions.Fence fence = subscriptions.newFence();
        CompletableFuture<Void> arrived = fence.arrived();
        try {
            order.issue(channel, () -> calls.callAsync("fencing room " + room,
                    () -> channels.publishAsync(async, channel, fence.payload())).whenComplete((count, error) -> {
                        if (error != null) {
                            arrived.completeExceptionally(error);
                        } else if (!channels.heard(count)) {
                            arrived.complete(null); // no subscriber, not even this node: nothing to wait for
                        }
                    }));
            arrived.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.debug("redis: the fence of room {} did not come back ({}); leaving anyway", room, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscriptions.forget(fence.payload());
        }
    }

    @Override
    public void listen(String room) {
        subscriptions.listen(room);
    }

    @Override
    public void unlisten(String room) {
        subscriptions.unlisten(room);
    }

    /** Removes this node's members from Redis and stops its heartbeat (a clean leave). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        beforeClose.run();
        try {
            redis.eval(LuaScripts.SWEEP, ScriptOutputType.INTEGER, new String[] {keys.nodes()}, keys.registry(), nodeId);
            subscriptions.listened().forEach(subscriptions::unlisten);
        } catch (RuntimeException e) {
            LOG.warn("redis: could not remove the members of node {} on close ({}); the sweep of another node will",
                    nodeId, e.toString());
        }
    }

    /** This node's fences not yet back or given up (tests). */
    int fencesInFlight() {
        return subscriptions.fencesInFlight();
    }

    /** Whether {@link #close()} ran. */
    boolean isClosed() {
        return closed.get();
    }

    /** Puts back what Redis lost: declared rooms, this node's members (re-joined in join order). */
    void reannounce() {
        for (String room : memberships.declaredRooms()) {
            redis.sadd(keys.rooms(), room);
        }
        for (NodeMemberships.Member m : memberships.members()) {
            join(m.room(), m.memberId(), m.joinedAt(), false);
        }
    }

    /** Re-subscribes after an outage. */
    void resubscribe() {
        subscriptions.resync();
    }

    /** Whether a subscription change failed and must be repeated (checked on every heartbeat). */
    boolean subscriptionsOutOfSync() {
        return subscriptions.outOfSync();
    }

    /** Retries removals that failed while Redis was unreachable. */
    void flushPendingRemovals() {
        for (NodeMemberships.Member m : memberships.pendingRemovals()) {
            redis.hdel(keys.members(m.room()), m.memberId());
            memberships.removalDone(m);
        }
    }

    private long join(String room, String memberId, long joinedAt, boolean roomMustExist) {
        return calls.call("joining room " + room, () -> redis.<Long>eval(LuaScripts.JOIN, ScriptOutputType.INTEGER,
                new String[] {keys.rooms(), keys.members(room), keys.joins(), keys.nodeRooms(nodeId)},
                room, memberId, Long.toString(joinedAt), nodeId, roomMustExist ? "1" : "0"));
    }

    /** One live membership as the view script returns it. */
    private record Listed(String memberId, long seq, long joinedAt) {
    }
}
