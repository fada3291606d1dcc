package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.redis.RedisMode;
import io.tether.redis.RedisOptions;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps {@code tether.redis} to the cluster's {@link RedisOptions}: empty (single node, in
 * memory) when {@code url} is blank. Invalid values fail with {@code CONFIGURATION_ERROR}
 * (thrown by {@link RedisOptions.Builder#build()}).
 */
final class RedisSettings {
    private RedisSettings() {
    }

    static Optional<RedisOptions> from(Config redis) {
        String url = redis.getString("url").strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String nodeId = redis.getString("node-id").strip();
        return Optional.of(RedisOptions.builder()
                .uri(url)
                .mode(mode(redis.getString("mode")))
                .keyPrefix(redis.getString("key-prefix"))
                .commandTimeout(redis.getDuration("command-timeout"))
                .heartbeatInterval(redis.getDuration("heartbeat-interval"))
                .heartbeatTtl(redis.getDuration("heartbeat-ttl"))
                .nodeId(nodeId.isEmpty() ? UUID.randomUUID().toString() : nodeId)
                .build());
    }

    /** {@code tether.redis.mode}: blank = inferred from the URL. */
    private static RedisMode mode(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return RedisMode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "tether.redis.mode must be standalone, sentinel or cluster (or empty), got '" + v + "'");
        }
    }
}
