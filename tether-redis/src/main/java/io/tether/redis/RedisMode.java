package io.tether.redis;

/**
 * How a node reaches Redis. Inferred from the URI scheme unless set with
 * {@link RedisOptions.Builder#mode(RedisMode)}:
 *
 * <ul>
 *   <li>{@code redis://host:port/db}, {@code rediss://…}: {@link #STANDALONE} (one server, or
 *       a primary whose replicas nobody promotes);</li>
 *   <li>{@code redis-sentinel://host:26379,host:26380/db#mymaster}: {@link #SENTINEL} (Lettuce's
 *       spelling; the node follows the primary the sentinels name, also after a failover);</li>
 *   <li>{@code redis-cluster://host:7000,host:7001} (or {@code rediss-cluster://} for TLS):
 *       {@link #CLUSTER}, a Redis Cluster reached through any of these seed nodes.</li>
 * </ul>
 */
public enum RedisMode {
    /** One Redis server (a primary). */
    STANDALONE,
    /** A primary and replicas watched by Redis Sentinel. */
    SENTINEL,
    /** A Redis Cluster: keys and sharded channels spread over several primaries. */
    CLUSTER
}
