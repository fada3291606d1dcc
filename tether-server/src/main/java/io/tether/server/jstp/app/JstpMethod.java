package io.tether.server.jstp.app;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A method of a {@link JstpInterface}: its name, declared arity (−1 = any number of
 * arguments; otherwise a different count is answered {@code [17]}) and handler.
 *
 * <pre>{@code
 * JstpMethod add = JstpMethod.sync("add", 2, ctx -> List.of(ctx.number(0) + ctx.number(1)));
 * }</pre>
 *
 * @param name    method name
 * @param arity   declared argument count, or −1 for any
 * @param handler the body
 */
public record JstpMethod(String name, int arity, JstpMethodHandler handler) {
    /** Validates the definition. */
    public JstpMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (arity < -1) {
            throw new IllegalArgumentException("arity must be >= -1");
        }
    }

    /** A method completing asynchronously. */
    public static JstpMethod async(String name, int arity, JstpMethodHandler handler) {
        return new JstpMethod(name, arity, handler);
    }

    /** A fast, non-blocking method that runs on the event loop. */
    public static JstpMethod sync(String name, int arity, JstpMethodHandler.Sync body) {
        return new JstpMethod(name, arity, ctx -> CompletableFuture.completedFuture(orEmpty(body.invoke(ctx))));
    }

    /** A method that may block; it runs on a virtual thread of the server's workers. */
    public static JstpMethod blocking(String name, int arity, JstpMethodHandler.Sync body) {
        return new JstpMethod(name, arity, ctx -> CompletableFuture.supplyAsync(() -> {
            try {
                return orEmpty(body.invoke(ctx));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, ctx.workers()));
    }

    private static List<Object> orEmpty(List<Object> results) {
        return results == null ? List.of() : results;
    }
}
