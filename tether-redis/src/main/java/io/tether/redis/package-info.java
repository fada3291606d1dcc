/**
 * Cluster mode on Redis (Lettuce): several Tether nodes share rooms, room fan-out, the
 * cache and JSTP sessions through Redis: one server, a Sentinel set or a Redis Cluster
 * ({@link io.tether.redis.RedisMode}; sharded pub/sub on Redis Cluster 7+).
 *
 * <ul>
 *   <li>{@link io.tether.redis.RedisOptions} – immutable settings (URI and mode, key prefix, command
 *       timeout, heartbeat interval and TTL, node id);</li>
 *   <li>{@link io.tether.redis.RedisNode} – owns the Lettuce client, its two connections and the
 *       node heartbeat; creates the broker and the cache store;</li>
 *   <li>{@link io.tether.redis.RedisRoomBroker} – rooms, members across the cluster, pub/sub
 *       fan-out only for rooms with local members;</li>
 *   <li>{@link io.tether.redis.RedisCacheStore} – the shared cache with per-entry TTL.</li>
 * </ul>
 *
 * <pre>{@code
 * RedisNode redis = RedisNode.connect(RedisOptions.fromEnvironment());   // REDIS_URL or local
 * TetherCore core = TetherCore.builder()
 *         .roomBroker(redis.roomBroker())
 *         .cache(redis.cacheStore())
 *         .room("defaultRoom", "otherRoom")
 *         .build();
 * // ... serve ...
 * core.close();    // removes this node's members from Redis
 * redis.close();   // stops the heartbeat, closes the connections
 * }</pre>
 *
 * <p>Who owns what: membership is owned by the core's {@code RoomService} (see
 * {@code io.tether.core.room}); {@link io.tether.redis.RedisRoomBroker} writes it to Redis and
 * is the only writer of its derived state, {@code NodeMemberships} (what to re-announce after
 * Redis lost it, pending removals) and {@code RoomSubscriptions} (channels subscribed while
 * the node has local members). The broker may block, so the service calls it on the core's
 * workers only.
 *
 * <p>Redis unreachable: calls fail after at most the command timeout with
 * {@code TetherException(CLUSTER_UNAVAILABLE)}, whose message (it reaches clients) names
 * neither the Redis address nor keys (those are logged), {@link io.tether.redis.RedisNode#ready()}
 * is false, Lettuce reconnects and resubscribes, the node re-announces itself.
 */
package io.tether.redis;
