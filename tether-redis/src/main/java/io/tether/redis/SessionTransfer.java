package io.tether.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.SessionForwarder;
import io.tether.core.session.resume.SessionSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Redis side of {@link RedisSessionStore}: snapshots, ownership, the inbox of unowned
 * sessions and this node's pub/sub channel ({@code P sessions:{nodeId}}) over which nodes
 * hand sessions off and forward messages to a session's owner. Every background Redis call
 * runs, in submission order, on one bounded single-thread executor; {@link #claim} and
 * {@link #drain} block their caller (a worker thread).
 */
final class SessionTransfer {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTransfer.class);
    private static final int MAX_QUEUED = 10_000;

    /** What arrives on this node's channel. */
    interface Inbound {
        /** A forwarded message for a session; false if the session is not here. */
        boolean deliver(String sessionId, Outbound message);

        /** Another node claimed a session: hand it off, then call {@link #released}. */
        void release(String sessionId, String toNode);
    }

    private final RedisClusterCommands<String, String> redis;
    private final SessionChannel channel;
    private final RedisKeys keys;
    private final String nodeId;
    private final RedisCalls calls;
    private final SessionSnapshotCodec codec;
    private final String ttl;
    private final Duration releaseWait;
    private final ThreadPoolExecutor executor;

    SessionTransfer(RedisClusterCommands<String, String> redis, StatefulRedisPubSubConnection<String, String> pubSub,
                    RedisKeys keys, String nodeId, RedisCalls calls, JsonMapper mapper, Duration expiry,
                    Duration releaseWait, Channels channels) {
        this.redis = redis;
        this.channel = new SessionChannel(redis, pubSub, keys, nodeId, calls, mapper, channels);
        this.keys = keys;
        this.nodeId = nodeId;
        this.calls = calls;
        this.codec = new SessionSnapshotCodec(mapper);
        this.ttl = Long.toString(expiry.toMillis());
        this.releaseWait = releaseWait;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_QUEUED),
                Thread.ofPlatform().daemon().name("tether-sessions-" + nodeId).factory());
    }

    /** Subscribes to this node's channel (blocks until Redis confirms). */
    void start(Inbound inbound) {
        channel.start(m -> {
            if (!(m.get("id") instanceof String id)) {
                return;
            }
            if ("release".equals(m.get("op"))) {
                submit(() -> inbound.release(id, String.valueOf(m.get("to"))));
                return;
            }
            Outbound message = outbound(m);
            if (message != null) {
                submit(() -> {
                    if (!inbound.deliver(id, message)) {
                        push(id, channel.encode(id, message));
                    }
                });
            }
        });
    }

    /** The structured message a channel or inbox message carries, or null (logged) if it carries none. */
    private static Outbound outbound(Map<String, Object> m) {
        if (!OutboundCodec.carries(m.get("op"))) {
            LOG.warn("ignoring a session message with op {}", m.get("op"));
            return null;
        }
        try {
            return OutboundCodec.from(m);
        } catch (RuntimeException e) {
            LOG.warn("ignoring a malformed session message: {}", e.toString());
            return null;
        }
    }

    /** Runs {@code task} on the session executor, after everything submitted before it; false if dropped. */
    boolean submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("session work failed: {}", e.getMessage());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("session work dropped: the session executor is stopped or full");
            return false;
        }
    }

    /** Stores a snapshot if this node owns the session or nobody does (blocking); false if another node owns it. */
    boolean store(SessionSnapshot s) {
        return script("storing a session", SessionScripts.STORE, s.id(), codec.encode(s)) == 1;
    }

    /** Stores the final snapshot of a session handed off to another node (blocking). */
    void storeFinal(SessionSnapshot s) {
        script("storing a handed-off session", SessionScripts.STORE_FINAL, s.id(), codec.encode(s));
    }

    void disown(String id) {
        script("disowning a session", SessionScripts.DISOWN, id);
    }

    void delete(String id) {
        script("deleting a session", SessionScripts.DELETE, id);
    }

    void refresh(String id) {
        script("refreshing a session", SessionScripts.REFRESH, id);
    }

    private long script(String what, String script, String id, String... extra) {
        String[] args = new String[2 + extra.length];
        args[0] = nodeId;
        args[1] = ttl;
        System.arraycopy(extra, 0, args, 2, extra.length);
        Long r = calls.call(what, () -> redis.eval(script, ScriptOutputType.INTEGER, sessionKeys(id), args));
        return r == null ? 0 : r;
    }

    private String[] sessionKeys(String id) {
        return new String[] {keys.session(id), keys.sessionOwner(id), keys.sessionInbox(id)};
    }

    /**
     * The stored snapshot of a session as it is now, without claiming it (blocking): what a
     * restore is decided on before the claim. Empty if unknown, expired or unreadable.
     */
    Optional<SessionSnapshot> peek(String id) {
        String json = calls.call("reading a session", () -> redis.get(keys.session(id)));
        return json == null ? Optional.empty() : decode(json);
    }

    /**
     * Claims a stored session for this node (blocking): the previous owner, if alive, is asked
     * to hand it off and store its final state first (waited for at most the release wait).
     *
     * @return the snapshot, or empty if the session is unknown or expired
     */
    Optional<SessionSnapshot> claim(String id) {
        String old = calls.call("claiming a session", () -> redis.eval(SessionScripts.CLAIM, ScriptOutputType.VALUE,
                sessionKeys(id), nodeId, ttl));
        if (old == null) {
            return Optional.empty();
        }
        if (!old.isEmpty() && !old.equals(nodeId) && alive(old)) {
            channel.askRelease(id, old, releaseWait);
        }
        String json = calls.call("loading a session", () -> redis.get(keys.session(id)));
        Optional<SessionSnapshot> snapshot = json == null ? Optional.empty() : decode(json);
        if (snapshot.isEmpty()) {
            disown(id); // expired meanwhile or unreadable: leave no owner key behind
        }
        return snapshot;
    }

    private Optional<SessionSnapshot> decode(String json) {
        try {
            return Optional.of(codec.decode(json));
        } catch (RuntimeException e) {
            LOG.warn("ignoring an unreadable stored session: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Tells {@code toNode} that this node handed the session off (blocking). */
    void released(String id, String toNode) {
        channel.publish(toNode, channel.encode("released", id, Map.of()));
    }

    /** Takes the messages queued for the session while nobody owned it, oldest first (blocking). */
    void drain(String id, Consumer<Outbound> each) {
        List<Object> all = calls.call("draining a session inbox", () -> redis.eval(SessionScripts.DRAIN,
                ScriptOutputType.MULTI, sessionKeys(id), nodeId, ttl));
        for (Object o : all) {
            try {
                Map<String, Object> m = channel.decode(String.valueOf(o));
                Outbound message = m == null ? null : outbound(m);
                if (message != null) {
                    each.accept(message);
                }
            } catch (RuntimeException e) {
                LOG.warn("ignoring a malformed inbox message: {}", e.toString());
            }
        }
    }

    /**
     * Routes messages of a session handed off by this node to its current owner, in their
     * structured form (made into JSON on the caller's thread, so later changes of the caller's
     * values do not travel); the owner encodes them with the session's ids.
     */
    SessionForwarder forwarder(String id, Inbound local) {
        return message -> {
            String payload = channel.encode(id, message);
            submit(() -> forward(id, message, payload, local));
        };
    }

    private void forward(String id, Outbound message, String payload, Inbound local) {
        String owner = calls.call("finding a session's owner", () -> redis.get(keys.sessionOwner(id)));
        if (nodeId.equals(owner) && local.deliver(id, message)) {
            return;
        }
        if (owner != null && !nodeId.equals(owner) && alive(owner)
                && channel.heard(channel.publish(owner, payload))) {
            return;
        }
        push(id, payload);
    }

    private void push(String id, String payload) {
        if (script("queueing for a session", SessionScripts.PUSH, id, payload) == 0) {
            LOG.debug("message for an expired session dropped");
        }
    }

    private boolean alive(String node) {
        return calls.call("checking node " + node, () -> redis.exists(keys.heartbeat(node))) == 1;
    }

    /** Subscribes again to this node's channel (after a Redis Cluster topology change); does not block. */
    void refresh() {
        channel.refresh();
    }

    /** Stops taking work; what was submitted still runs (see {@link #awaitStopped}). */
    void stop() {
        executor.shutdown();
    }

    /** Waits (bounded) for submitted work to finish, then closes the pub/sub connection. */
    void awaitStopped(Duration limit) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("session work still running after {}; abandoning it", limit);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
