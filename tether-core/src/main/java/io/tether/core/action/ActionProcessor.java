package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.ActionMiddleware;
import io.tether.api.Cache;
import io.tether.api.ErrorCode;
import io.tether.api.Params;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpEventHandler;
import io.tether.api.jstp.JstpMethod;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RequestLimiter;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * The handler pipeline shared by every protocol and by both handler kinds, actions and
 * JSTP-native methods: admission (shutdown; for actions also the per-session pending limit),
 * lookup and input resolution (actions), the middleware chain, the handler in its execution
 * mode with its deadline ({@link CallPipeline}), and the {@link ErrorPolicy}. Never blocks the
 * caller; every returned future completes exactly once, after the session's pending count is
 * decremented.
 *
 * <p>Blocking is the default: the handler runs on a virtual thread and is interrupted at its
 * deadline (its own timeout, else {@link ProcessorOptions#defaultTimeout()}). A
 * {@code nonBlocking()} handler runs on the calling thread (the connection's I/O thread), so its
 * future is complete when {@link #process} returns; its deadline cannot interrupt it and an
 * overrun is logged. JSTP methods are not counted against {@code simultaneousActions}: the
 * JSTP transport bounds its calls in flight by back-pressure.
 *
 * <p>Admission also applies the request rate limits ({@link RequestLimiter}; a refused call
 * answers {@code RATE_LIMITED}) and the authentication requirement: an action whose
 * {@link io.tether.api.Access} needs a principal (or, when
 * {@link ProcessorOptions#requireAuthentication()} is on, a JSTP-native method) called from an
 * anonymous session answers {@code NOT_AUTHENTICATED} ({@value #NOT_AUTHENTICATED}) before its
 * inputs are validated and before any middleware runs. Refused client events are dropped.
 */
public final class ActionProcessor {
    /** A version no action has: what an adapter passes for an unparsable requested version. */
    public static final int NO_SUCH_VERSION = Integer.MIN_VALUE;
    /** The text of a call refused for want of a principal ({@link ErrorCode#NOT_AUTHENTICATED}). */
    public static final String NOT_AUTHENTICATED = "authentication required";

    private final ActionRegistry registry;
    private final ProcessorOptions options;
    private final Rooms rooms;
    private final Cache cache;
    private final BooleanSupplier shuttingDown;
    private final InputResolver inputs = new InputResolver();
    private final ResultFields results = new ResultFields();
    private final Middleware middleware;
    private final CallPipeline pipeline;
    private final RequestLimiter limiter;
    private final TetherException unauthenticated = new TetherException(ErrorCode.NOT_AUTHENTICATED,
            NOT_AUTHENTICATED);
    private final ActionMeter meter;
    /** Each action's probe, made at construction; read-only after (identity: Action is a record). */
    private final Map<Action, ActionMeter.Probe> probes = new IdentityHashMap<>();
    /** Probes of actions registered after construction. */
    private final Map<Action, ActionMeter.Probe> lateProbes = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Creates a processor; {@code workers} runs handlers, {@code timer} enforces deadlines. */
    public ActionProcessor(ActionRegistry registry, List<ActionMiddleware> middleware, ProcessorOptions options,
                           Rooms rooms, Cache cache, ExecutorService workers, ScheduledExecutorService timer,
                           BooleanSupplier shuttingDown) {
        this(registry, middleware, options, rooms, cache, workers, timer, shuttingDown,
                new RequestLimiter(RateLimits.defaults(), new Refusals()), null);
    }

    /**
     * Creates a processor whose calls also pass {@code limiter} (the request rate limits, counted
     * once per action, method call or client event) and whose action requests are measured by
     * {@code meter} (null: not measured; its probes are made here, for every action registered so far).
     */
    public ActionProcessor(ActionRegistry registry, List<ActionMiddleware> middleware, ProcessorOptions options,
                           Rooms rooms, Cache cache, ExecutorService workers, ScheduledExecutorService timer,
                           BooleanSupplier shuttingDown, RequestLimiter limiter, ActionMeter meter) {
        this.limiter = limiter;
        this.meter = meter;
        if (meter != null) {
            registry.all().forEach(a -> probes.put(a, meter.probe(a)));
        }
        this.registry = registry;
        this.middleware = new Middleware(
                middleware.stream().sorted(Comparator.comparingInt(ActionMiddleware::priority)).toList());
        this.options = options;
        this.rooms = rooms;
        this.cache = cache;
        this.shuttingDown = shuttingDown;
        this.pipeline = new CallPipeline(workers, timer);
    }

    /** The registry this processor serves. */
    public ActionRegistry registry() {
        return registry;
    }

    /** The options in force. */
    public ProcessorOptions options() {
        return options;
    }

    /** Runs the highest version of the named action (see {@link #process(Session, String, Integer, Map)}). */
    public CompletableFuture<ActionOutcome> process(Session session, String name, Map<String, ?> rawParams) {
        return process(session, name, null, rawParams);
    }

    /**
     * Runs the named action for a session with raw params (which are copied, never changed).
     * {@code version} selects a version: null for the highest, {@link #NO_SUCH_VERSION} when the
     * protocol's request named one that is not a number (answered as unknown).
     */
    public CompletableFuture<ActionOutcome> process(Session session, String name, Integer version,
                                                    Map<String, ?> rawParams) {
        int pending = session.beginAction();
        TetherException refused = admit(session, pending);
        Action action = refused == null ? lookup(name, version) : null;
        if (refused == null && action == null) {
            refused = new TetherException(ErrorCode.ACTION_NOT_FOUND, "unknown action or invalid apiVersion");
            if (meter != null) {
                meter.unknownAction();
            }
        } else if (refused == null && action.access().requiresPrincipal(options.requireAuthentication())
                && session.principal().isEmpty()) {
            refused = unauthenticated;
        }
        if (refused != null) {
            session.endAction();
            return CompletableFuture.completedFuture(ActionOutcome.failure(refused));
        }
        // a non-blocking action resolves its inputs before this returns: no copy of the caller's params
        Map<String, ?> raw = action.nonBlocking() ? rawParams : nullSafe(rawParams);
        Duration timeout = action.timeout() != null ? action.timeout() : options.defaultTimeout();
        return pipeline.run(session, true, timeout, new ActionRun(action, raw, session, rooms, cache, this,
                probe(action)));
    }

    /**
     * Runs a JSTP-native method for a session: the same middleware, execution mode, deadline
     * and error policy as an action.
     */
    public CompletableFuture<MethodOutcome> call(Session session, JstpMethod method, MethodCall call) {
        if (shuttingDown.getAsBoolean()) {
            return CompletableFuture.completedFuture(MethodOutcome.failure(
                    new TetherException(ErrorCode.SHUTTING_DOWN, "the server is shutting down")));
        }
        TetherException refused = limiter.admit(session);
        if (refused == null && options.requireAuthentication() && session.principal().isEmpty()) {
            refused = unauthenticated;
        }
        if (refused != null) {
            return CompletableFuture.completedFuture(MethodOutcome.failure(refused));
        }
        Duration timeout = method.timeout() != null ? method.timeout() : options.defaultTimeout();
        return pipeline.run(session, false, timeout, new MethodRun(call, method, middleware, session, rooms, cache, 0L));
    }

    /**
     * Delivers a client event to the application's handler on the calling thread (events get no
     * reply and pass no middleware); a failure is logged under the {@link ErrorPolicy}.
     */
    public void event(Session session, JstpEventHandler handler, MethodCall event) {
        if (limiter.admit(session) != null
                || options.requireAuthentication() && session.principal().isEmpty()) {
            return; // an event has no reply: refused ones are only counted
        }
        MethodRun ctx = new MethodRun(event, null, middleware, session, rooms, cache,
                System.nanoTime() + options.defaultTimeout().toNanos());
        try {
            handler.onEvent(ctx);
        } catch (Throwable t) {
            ErrorPolicy.toClient(t, "event " + ctx.name());
        }
    }

    private ActionMeter.Probe probe(Action action) {
        if (meter == null) {
            return null;
        }
        ActionMeter.Probe p = probes.get(action);
        return p != null ? p : lateProbes.computeIfAbsent(action, meter::probe);
    }

    private TetherException admit(Session session, int pending) {
        if (shuttingDown.getAsBoolean()) {
            return new TetherException(ErrorCode.SHUTTING_DOWN, "the server is shutting down");
        }
        if (pending > options.simultaneousActions()) {
            return new TetherException(ErrorCode.TOO_MANY_PENDING, "you have too many pending requests");
        }
        return limiter.admit(session);
    }

    private Action lookup(String name, Integer version) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        if (version == null) {
            return registry.find(name);
        }
        return version == NO_SUCH_VERSION ? null : registry.find(name, version);
    }

    /** The run's own unmodifiable copy, without null values (absent and null mean the same). */
    private static Map<String, ?> nullSafe(Map<String, ?> raw) {
        Map<String, Object> copy = new HashMap<>(raw.size() * 2);
        raw.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Resolves an action's inputs (for {@link ActionRun}). */
    Params resolve(Action action, Map<String, ?> raw) {
        return inputs.resolve(action, raw);
    }

    /** Middleware, handler, middleware of a run whose inputs are resolved (for {@link ActionRun}). */
    ActionOutcome invoke(ActionRun ctx) {
        TetherException error = middleware.before(ctx);
        if (error == null) {
            error = handle(ctx);
        }
        error = middleware.after(ctx, error);
        return new ActionOutcome(Collections.unmodifiableMap(ctx.fields()), error); // the run's own map
    }

    private TetherException handle(ActionRun ctx) {
        try {
            results.take(ctx.action().handler().handle(ctx), ctx);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TetherException(ErrorCode.ACTION_TIMEOUT, "the action " + ctx.action().name() + " was interrupted");
        } catch (Throwable e) {
            return ErrorPolicy.toClient(e, ctx.what());
        }
    }
}
