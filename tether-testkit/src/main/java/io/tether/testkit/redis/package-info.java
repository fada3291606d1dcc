/**
 * Redis for integration tests: {@link io.tether.testkit.redis.RedisTestServer} uses
 * {@code REDIS_URL} when set, else an embedded redis-server on a free port, and can stop and
 * restart it for fault tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisTestServer REDIS = new RedisTestServer();
 * }</pre>
 */
package io.tether.testkit.redis;
