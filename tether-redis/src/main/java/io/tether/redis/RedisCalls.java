package io.tether.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.function.Supplier;

/**
 * Runs one blocking Redis call and turns every Lettuce failure into
 * {@code TetherException(CLUSTER_UNAVAILABLE)} with a text that says what failed. Commands
 * carry the connection's timeout, so a call never waits longer than
 * {@link RedisOptions#commandTimeout()}; while disconnected Lettuce rejects commands at once.
 */
final class RedisCalls {
    private final String target;

    RedisCalls(String target) {
        this.target = target;
    }

    /** Runs {@code call}; {@code what} names the operation in the error text. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException e) {
            throw unavailable(what, e);
        } catch (IllegalStateException e) {
            throw new TetherException(ErrorCode.CLUSTER_UNAVAILABLE,
                    "cluster unavailable: " + what + " failed, the connection to Redis is closed", e);
        }
    }

    /** The exception for a failed operation. */
    TetherException unavailable(String what, Throwable cause) {
        return new TetherException(ErrorCode.CLUSTER_UNAVAILABLE, text(what, cause), cause);
    }

    private String text(String what, Throwable cause) {
        String prefix = "cluster unavailable: " + what + " failed, ";
        if (cause instanceof RedisCommandTimeoutException) {
            return prefix + "Redis at " + target + " did not answer in time";
        }
        if (cause instanceof RedisCommandExecutionException) {
            return prefix + "Redis at " + target + " refused the command";
        }
        return prefix + "Redis at " + target + " is not reachable";
    }
}
