package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ActionMiddleware;
import io.tether.api.Cache;
import io.tether.api.ErrorCode;
import io.tether.api.Params;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The action pipeline shared by every protocol: counters, shutdown and pending-limit
 * checks, lookup, input resolution, middleware, and the handler on a virtual thread with a
 * deadline. Never blocks the caller; the returned future completes exactly once and the
 * connection's pending count is decremented before it does.
 *
 * <p>A {@link Action#nonBlocking() non-blocking} action runs on the calling thread instead
 * (the connection's I/O thread), so its future is already complete when {@link #process}
 * returns; its timeout cannot interrupt it and an overrun is logged.
 */
public final class ActionProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ActionProcessor.class);

    private final ActionRegistry registry;
    private final List<ActionMiddleware> middleware;
    private final ProcessorOptions options;
    private final Rooms rooms;
    private final Cache cache;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier shuttingDown;
    private final InputResolver inputs = new InputResolver();
    private final ActionInvoker invoker;

    /** Creates a processor; {@code workers} runs handlers, {@code timer} enforces deadlines. */
    public ActionProcessor(ActionRegistry registry, List<ActionMiddleware> middleware, ProcessorOptions options,
                           Rooms rooms, Cache cache, ExecutorService workers, ScheduledExecutorService timer,
                           BooleanSupplier shuttingDown) {
        this.registry = registry;
        this.middleware = middleware.stream().sorted(Comparator.comparingInt(ActionMiddleware::priority)).toList();
        this.options = options;
        this.rooms = rooms;
        this.cache = cache;
        this.workers = workers;
        this.timer = timer;
        this.shuttingDown = shuttingDown;
        this.invoker = new ActionInvoker(this.middleware);
    }

    /** The registry this processor serves. */
    public ActionRegistry registry() {
        return registry;
    }

    /** The options in force. */
    public ProcessorOptions options() {
        return options;
    }

    /**
     * Runs the named action for a connection with raw params (which are copied, never
     * changed). {@code apiVersion} in the params selects a version.
     */
    public CompletableFuture<ActionOutcome> process(Session connection, String name, Map<String, ?> rawParams) {
        int pending = connection.beginAction();
        TetherException refused = admit(pending);
        Action action = refused == null ? lookup(name, rawParams.get("apiVersion")) : null;
        if (refused == null && action == null) {
            refused = new TetherException(ErrorCode.ACTION_NOT_FOUND, "unknown action or invalid apiVersion");
        }
        if (refused != null) {
            connection.endAction();
            return CompletableFuture.completedFuture(ActionOutcome.failure(refused));
        }
        // a non-blocking action resolves its inputs before this returns: no copy of the caller's params
        return start(connection, action, action.nonBlocking() ? rawParams : nullSafe(rawParams));
    }

    private TetherException admit(int pending) {
        if (shuttingDown.getAsBoolean()) {
            return new TetherException(ErrorCode.SHUTTING_DOWN, "the server is shutting down");
        }
        if (pending > options.simultaneousActions()) {
            return new TetherException(ErrorCode.TOO_MANY_PENDING, "you have too many pending requests");
        }
        return null;
    }

    private Action lookup(String name, Object apiVersion) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (apiVersion == null || (apiVersion instanceof String s && s.isEmpty())) {
            return registry.find(name);
        }
        Long v = io.tether.api.Values.parseIntegerOrNull(apiVersion);
        return v == null ? null : registry.find(name, v.intValue());
    }

    private CompletableFuture<ActionOutcome> start(Session connection, Action action, Map<String, ?> raw) {
        Duration timeout = action.timeout() != null ? action.timeout() : options.defaultTimeout();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        if (action.nonBlocking()) {
            return CompletableFuture.completedFuture(runHere(connection, action, raw, started, deadline));
        }
        Completion completion = new Completion(connection);
        Future<?> task = workers.submit(() -> completion.complete(runGuarded(connection, action, raw, deadline)));
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            if (completion.complete(ActionOutcome.failure(new TetherException(ErrorCode.ACTION_TIMEOUT,
                    "the action " + action.name() + " timed out after " + timeout.toMillis() + " ms")))) {
                task.cancel(true);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        completion.future.whenComplete((o, e) -> alarm.cancel(false));
        return completion.future;
    }

    private ActionOutcome runHere(Session connection, Action action, Map<String, ?> raw, long started,
                                  long deadline) {
        ActionOutcome outcome;
        try {
            outcome = runGuarded(connection, action, raw, deadline);
        } finally {
            connection.endAction();
        }
        long now = System.nanoTime();
        if (now > deadline) {
            LOG.warn("non-blocking action {} took {} ms (timeout {} ms) on an I/O thread; it should not be non-blocking",
                    action.name(), TimeUnit.NANOSECONDS.toMillis(now - started),
                    TimeUnit.NANOSECONDS.toMillis(deadline - started));
        }
        return outcome;
    }

    /** {@link #run}, with anything unexpected answered as an internal error (the client never sees it). */
    private ActionOutcome runGuarded(Session connection, Action action, Map<String, ?> raw, long deadline) {
        try {
            return run(connection, action, raw, deadline);
        } catch (RuntimeException | Error e) {
            try {
                LOG.error("action {} failed unexpectedly", action.name(), e);
            } catch (Throwable logFailed) {
                // an Error that cannot even be logged (e.g. no heap left): the answer still goes out
            }
            return ActionOutcome.failure(new TetherException(ErrorCode.INTERNAL_ERROR, "internal error"));
        }
    }

    private ActionOutcome run(Session connection, Action action, Map<String, ?> raw, long deadline) {
        Params params;
        try {
            params = inputs.resolve(action, raw);
        } catch (TetherException e) {
            return ActionOutcome.failure(e);
        }
        ActionRun ctx = new ActionRun(action, params, connection.info(), rooms, cache, deadline);
        return invoker.invoke(ctx);
    }

    /** The run's own unmodifiable copy, without null values (absent and null mean the same). */
    private static Map<String, ?> nullSafe(Map<String, ?> raw) {
        Map<String, Object> copy = new java.util.HashMap<>(raw.size() * 2);
        raw.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Completes a run exactly once, decrementing the pending count first. */
    private static final class Completion {
        final CompletableFuture<ActionOutcome> future = new CompletableFuture<>();
        private final AtomicBoolean done = new AtomicBoolean();
        private final Session connection;

        Completion(Session connection) {
            this.connection = connection;
        }

        boolean complete(ActionOutcome outcome) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            connection.endAction();
            future.complete(outcome);
            return true;
        }
    }
}
