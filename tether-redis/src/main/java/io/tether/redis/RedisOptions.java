package io.tether.redis;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Immutable settings of one node's connection to Redis. Build with {@link #builder()}, start
 * from {@link #defaults()}, change with {@link #toBuilder()}:
 *
 * <pre>{@code
 * RedisOptions options = RedisOptions.builder()
 *         .uri("redis://127.0.0.1:6379")
 *         .keyPrefix("chat:")
 *         .commandTimeout(Duration.ofSeconds(1))
 *         .build();
 * }</pre>
 *
 * <p>The URI names the topology too ({@link RedisMode}): {@code redis://host:6379/0} for one
 * server, {@code redis-sentinel://host:26379,host:26380/0#mymaster} for a Sentinel set,
 * {@code redis-cluster://host:7000,host:7001} for a Redis Cluster (any reachable seed node
 * finds the others); {@link Builder#mode(RedisMode)} states the mode explicitly instead.
 *
 * <p>The URI is never read implicitly from the environment; use {@link #fromEnvironment} for
 * {@code REDIS_URL}.
 */
public final class RedisOptions {
    /** Environment variable read by {@link #fromEnvironment}. */
    public static final String REDIS_URL_ENV = "REDIS_URL";
    /** Default URI: a local Redis on its standard port. */
    public static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    /** Default prefix of every key and channel. */
    public static final String DEFAULT_KEY_PREFIX = "tether:";
    /** Default deadline of one Redis command. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** Default interval of the node heartbeat and the sweep of dead nodes' members. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    /** Default lifetime of a heartbeat key: a node silent this long counts as dead. */
    public static final Duration DEFAULT_HEARTBEAT_TTL = Duration.ofSeconds(5);
    /** Default upper bound of the delay between reconnect attempts. */
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    /** Default bound of commands Lettuce may queue per connection. */
    public static final int DEFAULT_REQUEST_QUEUE_SIZE = 10_000;

    private final String uri;
    private final RedisMode mode;
    /** The mode as set on the builder (null: inferred), kept for {@link #toBuilder()}. */
    private final RedisMode requestedMode;
    private final String keyPrefix;
    private final Duration commandTimeout;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTtl;
    private final Duration maxReconnectDelay;
    private final int requestQueueSize;
    private final String nodeId;

    private RedisOptions(Builder b) {
        this.uri = requireText(b.uri, "uri").strip();
        this.requestedMode = b.mode;
        this.mode = b.mode != null ? b.mode : RedisEndpoints.inferMode(uri);
        String mismatch = RedisEndpoints.mismatch(uri, mode);
        if (mismatch != null) {
            throw invalid(mismatch);
        }
        this.keyPrefix = Objects.requireNonNull(b.keyPrefix, "keyPrefix");
        this.commandTimeout = positive(b.commandTimeout, "commandTimeout");
        this.heartbeatInterval = positive(b.heartbeatInterval, "heartbeatInterval");
        this.heartbeatTtl = positive(b.heartbeatTtl, "heartbeatTtl");
        this.maxReconnectDelay = positive(b.maxReconnectDelay, "maxReconnectDelay");
        this.requestQueueSize = b.requestQueueSize;
        this.nodeId = b.nodeId != null ? requireText(b.nodeId, "nodeId") : UUID.randomUUID().toString();
        if (heartbeatTtl.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw invalid("heartbeatTtl (" + heartbeatTtl + ") must be at least twice heartbeatInterval ("
                    + heartbeatInterval + ")");
        }
        if (requestQueueSize < 1) {
            throw invalid("requestQueueSize must be positive, got " + requestQueueSize);
        }
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: local Redis, prefix {@code tether:}, random node id. */
    public static RedisOptions defaults() {
        return builder().build();
    }

    /** The defaults with the URI taken from {@code REDIS_URL} when it is set. */
    public static RedisOptions fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** The defaults with the URI taken from {@code env.get("REDIS_URL")} when it is set and not blank. */
    public static RedisOptions fromEnvironment(Map<String, String> env) {
        String url = env.get(REDIS_URL_ENV);
        return url == null || url.isBlank() ? defaults() : builder().uri(url.strip()).build();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        return new Builder().uri(uri).mode(requestedMode).keyPrefix(keyPrefix).commandTimeout(commandTimeout)
                .heartbeatInterval(heartbeatInterval).heartbeatTtl(heartbeatTtl)
                .maxReconnectDelay(maxReconnectDelay).requestQueueSize(requestQueueSize).nodeId(nodeId);
    }

    /** Redis URI, e.g. {@code redis://127.0.0.1:6379/0} or {@code rediss://:password@host:6380}. */
    public String uri() {
        return uri;
    }

    /**
     * The topology: as set with {@link Builder#mode(RedisMode)}, else inferred from the URI's
     * scheme ({@code redis-sentinel://}: sentinel, {@code redis-cluster://}: cluster, else
     * standalone).
     */
    public RedisMode mode() {
        return mode;
    }

    /** Prefix of every key and pub/sub channel (lets several deployments share one Redis). */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Deadline of one Redis command; calls fail with {@code CLUSTER_UNAVAILABLE} after it. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** How often the node refreshes its heartbeat and sweeps members of dead nodes. */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Lifetime of the heartbeat key; members of a node silent this long disappear. */
    public Duration heartbeatTtl() {
        return heartbeatTtl;
    }

    /** Upper bound of the exponential backoff between reconnect attempts. */
    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Bound of commands queued per connection before new ones are refused. */
    public int requestQueueSize() {
        return requestQueueSize;
    }

    /** This node's id in Redis (owner of its members). */
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String toString() {
        return "RedisOptions[uri=" + redactedUri() + ", mode=" + mode + ", keyPrefix=" + keyPrefix
                + ", commandTimeout=" + commandTimeout
                + ", heartbeatInterval=" + heartbeatInterval + ", heartbeatTtl=" + heartbeatTtl
                + ", maxReconnectDelay=" + maxReconnectDelay + ", requestQueueSize=" + requestQueueSize
                + ", nodeId=" + nodeId + "]";
    }

    /** The URI without credentials, for logs and error texts. */
    public String redactedUri() {
        int at = uri.lastIndexOf('@');
        int scheme = uri.indexOf("://");
        return at < 0 || scheme < 0 ? uri : uri.substring(0, scheme + 3) + "***@" + uri.substring(at + 1);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " must not be blank");
        }
        return value;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(name + " must be a positive duration, got " + value);
        }
        return value;
    }

    private static TetherException invalid(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, "redis: " + message);
    }

    /** Builder of {@link RedisOptions}; every setter has a default. */
    public static final class Builder {
        private String uri = DEFAULT_URI;
        private RedisMode mode;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
        private Duration heartbeatTtl = DEFAULT_HEARTBEAT_TTL;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private int requestQueueSize = DEFAULT_REQUEST_QUEUE_SIZE;
        private String nodeId;

        private Builder() {
        }

        /** Redis URI (default {@value #DEFAULT_URI}). */
        public Builder uri(String value) {
            this.uri = value;
            return this;
        }

        /**
         * The topology (default: inferred from the URI's scheme). {@code CLUSTER} also takes a
         * plain {@code redis://host:port} URI as the one seed node; other combinations of mode
         * and scheme that disagree are configuration errors.
         */
        public Builder mode(RedisMode value) {
            this.mode = value;
            return this;
        }

        /** Key and channel prefix (default {@value #DEFAULT_KEY_PREFIX}). */
        public Builder keyPrefix(String value) {
            this.keyPrefix = value;
            return this;
        }

        /** Command deadline (default 2 s). */
        public Builder commandTimeout(Duration value) {
            this.commandTimeout = value;
            return this;
        }

        /** Heartbeat and sweep interval (default 1 s). */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = value;
            return this;
        }

        /** Heartbeat key lifetime (default 5 s; at least twice the interval). */
        public Builder heartbeatTtl(Duration value) {
            this.heartbeatTtl = value;
            return this;
        }

        /** Maximum reconnect backoff (default 2 s). */
        public Builder maxReconnectDelay(Duration value) {
            this.maxReconnectDelay = value;
            return this;
        }

        /** Commands queued per connection at most (default 10,000). */
        public Builder requestQueueSize(int value) {
            this.requestQueueSize = value;
            return this;
        }

        /** Node id (default: a random UUID per options instance). */
        public Builder nodeId(String value) {
            this.nodeId = value;
            return this;
        }

        /** Validates and builds; invalid values fail with {@code CONFIGURATION_ERROR}. */
        public RedisOptions build() {
            return new RedisOptions(this);
        }
    }
}
