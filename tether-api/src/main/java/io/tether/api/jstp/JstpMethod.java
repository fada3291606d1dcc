package io.tether.api.jstp;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A method of a {@link JstpInterface}: its name, declared arity (−1 = any number of
 * arguments; otherwise a different count is answered {@code [17]}), how it runs, an optional
 * deadline and the body. Runs like an action: by default on a virtual thread of the server's
 * workers (it may block), interrupted at its deadline; {@link #nonBlocking} runs it on the
 * connection's I/O thread (it must not block); {@link #async} starts it there and completes
 * it later. The same middleware and error policy apply as to actions.
 *
 * <pre>{@code
 * JstpMethod add = JstpMethod.of("add", 2, ctx -> List.of(ctx.number(0) + ctx.number(1)));
 * JstpMethod fast = JstpMethod.nonBlocking("answer", 0, ctx -> List.of(42));
 * JstpMethod slow = JstpMethod.of("report", 1, ctx -> List.of(build(ctx.arg(0))))
 *         .withTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param name        method name
 * @param arity       declared argument count, or −1 for any
 * @param timeout     deadline of one call, or null for the server's default
 *                    ({@code actions.timeout}, 30 s)
 * @param nonBlocking true when the body starts on the calling I/O thread (non-blocking and
 *                    asynchronous methods); its deadline then answers the call but cannot
 *                    interrupt a body that does not return
 * @param handler     the body; a synchronous one returns a completed stage
 */
public record JstpMethod(String name, int arity, Duration timeout, boolean nonBlocking, AsyncMethodHandler handler) {
    /** Validates the definition. */
    public JstpMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (arity < -1) {
            throw new IllegalArgumentException("arity must be >= -1");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** A method that may block (the default kind): it runs on a virtual thread with a deadline. */
    public static JstpMethod of(String name, int arity, MethodHandler body) {
        return new JstpMethod(name, arity, null, false, sync(body));
    }

    /** A method that never blocks (it only computes): it runs on the calling I/O thread. */
    public static JstpMethod nonBlocking(String name, int arity, MethodHandler body) {
        return new JstpMethod(name, arity, null, true, sync(body));
    }

    /** A method that starts on the calling I/O thread and completes its stage later. */
    public static JstpMethod async(String name, int arity, AsyncMethodHandler body) {
        return new JstpMethod(name, arity, null, true, body);
    }

    /** This method with its own deadline instead of the server default. */
    public JstpMethod withTimeout(Duration d) {
        return new JstpMethod(name, arity, d, nonBlocking, handler);
    }

    private static AsyncMethodHandler sync(MethodHandler body) {
        Objects.requireNonNull(body, "body");
        return ctx -> CompletableFuture.completedFuture(body.handle(ctx));
    }
}
