package io.tether.core;

import io.tether.api.Action;
import io.tether.api.ActionMiddleware;
import io.tether.api.ConnectionPolicy;
import io.tether.api.RoomPolicy;
import io.tether.core.action.ActionProcessor;
import io.tether.core.auth.Authentication;
import io.tether.core.action.ActionRegistry;
import io.tether.core.action.ProcessorOptions;
import io.tether.core.cache.CacheStore;
import io.tether.core.cache.CaffeineCacheStore;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RequestLimiter;
import io.tether.core.room.MemoryRoomBroker;
import io.tether.core.room.RoomBroker;
import io.tether.core.room.RoomService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transport-agnostic services one server instance owns: action registry and processor,
 * rooms, cache, the virtual-thread executor and the deadline timer. Every protocol adapter
 * of the server uses the same instance, so a JSTP client and a socket client share
 * actions, rooms and cache. No static state: several instances can live in one JVM.
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(myAction).room("defaultRoom").build();
 * }</pre>
 */
public final class TetherCore implements AutoCloseable {
    private final ActionRegistry registry;
    private final RoomService rooms;
    private final RoomBroker roomBroker;
    private final CacheStore cache;
    private final ActionProcessor processor;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Refusals refusals = new Refusals();
    private final Authentication authentication;
    private final RequestLimiter limiter;

    private TetherCore(Builder b) {
        this.registry = new ActionRegistry();
        b.actions.forEach(registry::register);
        this.roomBroker = b.roomBroker;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tether-action-", 0).factory());
        this.authentication = new Authentication(b.connectionPolicy);
        this.limiter = new RequestLimiter(b.rateLimits, refusals);
        this.rooms = new RoomService(roomBroker, workers, refusals, b.roomPolicy, limiter);
        b.rooms.forEach(rooms::create);
        this.cache = b.cache;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("tether-timer").factory());
        this.timer.setRemoveOnCancelPolicy(true);
        this.processor = new ActionProcessor(registry, b.middleware, b.processorOptions, rooms, cache, workers,
                timer, shuttingDown::get, limiter, b.actionMeter);
    }

    /** A builder with in-memory rooms and cache. */
    public static Builder builder() {
        return new Builder();
    }

    /** The action registry. */
    public ActionRegistry registry() {
        return registry;
    }

    /** The action pipeline. */
    public ActionProcessor processor() {
        return processor;
    }

    /** The room service. */
    public RoomService rooms() {
        return rooms;
    }

    /** The cache. */
    public CacheStore cache() {
        return cache;
    }

    /** Executor for blocking work (virtual threads). */
    public ExecutorService workers() {
        return workers;
    }

    /** Shared timer for deadlines and periodic work; tasks must be short and non-blocking. */
    public ScheduledThreadPoolExecutor timer() {
        return timer;
    }

    /** Counters of refused, throttled and cut-off clients (one per bound; see {@link io.tether.core.limits.Refusal}). */
    public Refusals refusals() {
        return refusals;
    }

    /** The connect-time authentication every protocol adapter asks about a new session. */
    public Authentication authentication() {
        return authentication;
    }

    /** The request rate limits (per session and per address) the actions and rooms apply. */
    public RequestLimiter limiter() {
        return limiter;
    }

    /** Marks the server as stopping: new actions are refused with "the server is shutting down". */
    public void beginShutdown() {
        shuttingDown.set(true);
    }

    /** Whether shutdown has begun. */
    public boolean isShuttingDown() {
        return shuttingDown.get();
    }

    @Override
    public void close() {
        beginShutdown();
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
        roomBroker.close();
    }

    /** Builder for {@link TetherCore}. */
    public static final class Builder {
        private final List<Action> actions = new ArrayList<>();
        private final List<ActionMiddleware> middleware = new ArrayList<>();
        private final Set<String> rooms = new LinkedHashSet<>();
        private ProcessorOptions processorOptions = ProcessorOptions.defaults();
        private RoomBroker roomBroker = new MemoryRoomBroker();
        private CacheStore cache = new CaffeineCacheStore();
        private ConnectionPolicy connectionPolicy;
        private RoomPolicy roomPolicy = RoomPolicy.open();
        private RateLimits rateLimits = RateLimits.defaults();
        private io.tether.core.action.ActionMeter actionMeter;

        private Builder() {
        }

        /** Registers actions. */
        public Builder action(Action... defined) {
            actions.addAll(List.of(defined));
            return this;
        }

        /** Adds middleware run around every action. */
        public Builder middleware(ActionMiddleware... hooks) {
            middleware.addAll(List.of(hooks));
            return this;
        }

        /**
         * Measures every action request (outcome and duration, unknown actions) for metrics;
         * none by default. See {@link io.tether.core.action.ActionMeter}.
         */
        public Builder actionMeter(io.tether.core.action.ActionMeter meter) {
            this.actionMeter = meter;
            return this;
        }

        /** Rooms created at boot. */
        public Builder room(String... names) {
            rooms.addAll(List.of(names));
            return this;
        }

        /** Processor limits. */
        public Builder processorOptions(ProcessorOptions options) {
            this.processorOptions = options;
            return this;
        }

        /** Replaces the room broker (e.g. Redis for a cluster). */
        public Builder roomBroker(RoomBroker broker) {
            this.roomBroker = broker;
            return this;
        }

        /** Replaces the cache store (e.g. Redis for a cluster). */
        public Builder cache(CacheStore store) {
            this.cache = store;
            return this;
        }

        /**
         * The connect-time authentication hook of every protocol (default: accept everyone, with
         * a TLS client certificate's principal if any).
         */
        public Builder connectionPolicy(ConnectionPolicy policy) {
            this.connectionPolicy = policy;
            return this;
        }

        /** Room authorization: who may join and say (default: everyone). */
        public Builder roomPolicy(RoomPolicy policy) {
            this.roomPolicy = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Request rate limits per session and per address (default: off). */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = java.util.Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Builds and starts the services. */
        public TetherCore build() {
            return new TetherCore(this);
        }
    }
}
