package io.tether.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's session channel {@code P sessions:{nodeId}}: JSON messages {@code {op, id, …}}
 * with op {@code release} (hand the session to node {@code to}), {@code released} (done), or
 * one of {@link OutboundCodec}'s ops: a structured message for a session this node owns, which
 * this node encodes with the session's own ids.
 * {@code released} completes a waiting {@link #askRelease}; everything else goes to the
 * handler, on the Lettuce thread that received it (the handler must not block).
 */
final class SessionChannel {
    private static final Logger LOG = LoggerFactory.getLogger(SessionChannel.class);

    private final RedisClusterCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final RedisKeys keys;
    private final String nodeId;
    private final RedisCalls calls;
    private final JsonMapper mapper;
    private final Channels channels;
    private volatile boolean started;
    private final Map<String, CompletableFuture<Void>> releasing = new ConcurrentHashMap<>();

    SessionChannel(RedisClusterCommands<String, String> redis, StatefulRedisPubSubConnection<String, String> pubSub,
                   RedisKeys keys, String nodeId, RedisCalls calls, JsonMapper mapper, Channels channels) {
        this.redis = redis;
        this.pubSub = pubSub;
        this.keys = keys;
        this.nodeId = nodeId;
        this.calls = calls;
        this.mapper = mapper;
        this.channels = channels;
    }

    /** Subscribes to this node's channel (blocks until Redis confirms); {@code handler} gets each message. */
    void start(Consumer<Map<String, Object>> handler) {
        String channel = keys.nodeSessions(nodeId);
        Channels.onMessage(pubSub, (from, payload) -> {
            if (channel.equals(from)) {
                Map<String, Object> m = decode(payload);
                if (m != null) {
                    dispatch(m, handler);
                }
            }
        });
        calls.call("subscribing to " + channel, () -> {
            channels.subscribe(pubSub, channel);
            started = true;
            return null;
        });
    }

    /** Subscribes again to this node's channel without waiting (after a Redis Cluster topology change). */
    void refresh() {
        if (!channels.isSharded() || !started) {
            return;
        }
        try {
            channels.subscribeAsync(pubSub, keys.nodeSessions(nodeId)).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("re-subscribing to the session channel failed: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("re-subscribing to the session channel failed: {}", e.toString());
        }
    }

    private void dispatch(Map<String, Object> m, Consumer<Map<String, Object>> handler) {
        if ("released".equals(m.get("op"))) {
            CompletableFuture<Void> waiting = releasing.get(m.get("id"));
            if (waiting != null) {
                waiting.complete(null);
            }
        } else {
            handler.accept(m);
        }
    }

    /** Asks {@code owner} to hand the session to this node and waits (at most {@code wait}) until it did. */
    void askRelease(String id, String owner, Duration wait) {
        CompletableFuture<Void> released = new CompletableFuture<>();
        releasing.put(id, released);
        try {
            if (heard(publish(owner, encode("release", id, Map.of("to", nodeId))))) {
                released.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            LOG.warn("node {} did not hand a session off within {}; continuing from its stored state", owner, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("waiting for a session hand-off failed: {}", e.toString());
        } finally {
            releasing.remove(id, released);
        }
    }

    /** Publishes a message on a node's channel (blocking); returns how many subscribers heard it. */
    long publish(String node, String message) {
        return calls.call("messaging node " + node, () -> channels.publish(redis, keys.nodeSessions(node), message));
    }

    /** Whether a publish that Redis counted {@code count} may have reached the node. */
    boolean heard(long count) {
        return channels.heard(count);
    }

    /** A forwarded message for session {@code id}. */
    String encode(String id, io.tether.core.session.resume.Outbound message) {
        Map<String, Object> fields = OutboundCodec.fields(message);
        Object op = fields.remove("op");
        return encode(op.toString(), id, fields);
    }

    String encode(String op, String id, Map<String, ?> more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("id", id);
        m.putAll(more);
        return mapper.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> decode(String payload) {
        try {
            return mapper.readValue(payload, Map.class);
        } catch (RuntimeException e) {
            LOG.warn("ignoring a malformed session message: {}", e.toString());
            return null;
        }
    }

    /** Closes the pub/sub connection. */
    void close() {
        pubSub.close();
    }
}
