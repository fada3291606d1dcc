package io.tether.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one blocking Redis call ({@link #call}) or issues one asynchronous call
 * ({@link #callAsync}) and turns every Lettuce failure into
 * {@code TetherException(CLUSTER_UNAVAILABLE)}. Its message reaches clients (socket error
 * text, JSTP {@code [50, message]}), so it only says that the cluster is unavailable and why
 * in general terms; the Redis address, the operation and the key names go to the log (WARN).
 * Commands carry the connection's timeout, so a call never waits longer than
 * {@link RedisOptions#commandTimeout()}; while disconnected Lettuce rejects commands at once.
 */
final class RedisCalls {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCalls.class);
    /** The start of every client-facing text. */
    static final String CLIENT_TEXT = "cluster unavailable: ";

    private final String target;

    RedisCalls(String target) {
        this.target = target;
    }

    /** Runs {@code call}; {@code what} names the operation in the log line (never on the wire). */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException | IllegalStateException e) {
            throw (TetherException) translate(what, e);
        }
    }

    /**
     * Issues {@code call} (which must not block) and never throws: the returned future
     * completes with its answer, or exceptionally with the same exception {@link #call} would
     * throw (logged the same way) when Lettuce refuses the command or the command fails.
     */
    <T> CompletableFuture<T> callAsync(String what, Supplier<? extends CompletionStage<T>> call) {
        CompletionStage<T> issued;
        try {
            issued = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(what, e));
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        issued.whenComplete((value, error) -> {
            if (error == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(translate(what, unwrap(error)));
            }
        });
        return answer;
    }

    /** The client-facing exception for a Lettuce failure; any other failure is returned as it is. */
    private Throwable translate(String what, Throwable e) {
        if (e instanceof RedisException) {
            return failed(what, e, "the shared store " + reason(e));
        }
        if (e instanceof IllegalStateException) { // CancellationException too: a command cancelled on close
            return failed(what, e, "the connection to the shared store is closed");
        }
        return e;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private TetherException failed(String what, Throwable cause, String reason) {
        LOG.warn("{} failed, Redis at {}: {} ({})", what, target, reason, cause.toString());
        return new TetherException(ErrorCode.CLUSTER_UNAVAILABLE, CLIENT_TEXT + reason, cause);
    }

    /**
     * The exception for a failure while starting (connecting the node or its session channel):
     * seen by the operator, not by clients, so it names the operation and the Redis address.
     */
    TetherException unavailable(String what, Throwable cause) {
        return new TetherException(ErrorCode.CLUSTER_UNAVAILABLE,
                CLIENT_TEXT + what + " failed, Redis at " + target + " " + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        if (cause instanceof RedisCommandTimeoutException) {
            return "did not answer in time";
        }
        if (cause instanceof RedisCommandExecutionException) {
            return "refused the command";
        }
        return "is not reachable";
    }
}
