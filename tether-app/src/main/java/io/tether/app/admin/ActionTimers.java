package io.tether.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.action.ActionMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every per-action meter, fed by one probe call per run: the meters of an action are made when
 * the core is built ({@link #probe}), so a run costs an array read and a record into striped
 * cells ({@link DurationHistogram}), with no tags built, no map looked up and no clock read
 * (the pipeline's own readings are used).
 *
 * <ul>
 *   <li>{@code tether_action_duration_seconds{action, outcome}}: a histogram with fixed buckets
 *       from 1 ms to 10 s ({@link #BUCKETS}) and its {@code _max} (the last 2 minutes); outcome
 *       {@code ok}, {@code validation} (a missing or invalid param), {@code timeout},
 *       {@code rejected} (a middleware or authentication refused it) or {@code error} (anything
 *       else the action failed with). Exported by {@link ActionDurations}.</li>
 *   <li>{@code tether_actions_total{action, outcome}}: runs whose handler chain (middleware,
 *       handler, middleware) ended, by what it returned: {@code ok} or the error code in lower
 *       case; a series appears with its first run. The {@code ok} series is not counted apart:
 *       it is the {@code ok} histogram's count (an answered success is a chain's success) plus
 *       the chains that succeeded after their deadline had answered.</li>
 *   <li>{@code tether_action_validation_failures_total{action}}</li>
 *   <li>{@code tether_actions_unknown_total}: requests naming no action (no name tag: clients
 *       choose names, and a tag per name would let them grow the registry without bound)</li>
 * </ul>
 *
 * The buckets are fixed service-level boundaries rather than Micrometer's percentile histogram
 * (about 70 buckets per series, each a counter in memory and a line per scrape, for every
 * action and outcome): 12 boundaries are enough for {@code histogram_quantile} and for alerts
 * on "share of requests slower than X", at a sixth of the cost.
 */
final class ActionTimers implements ActionMeter {
    /** The histogram's bucket boundaries. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    /** The outcome tags of the histogram, in {@link #outcomeIndex} order. */
    static final String[] OUTCOMES = {"ok", "validation", "timeout", "rejected", "error"};
    /** {@link #outcomeIndex} of every error code, by ordinal. */
    private static final int[] OUTCOME_OF_CODE = new int[ErrorCode.values().length];

    static {
        for (ErrorCode code : ErrorCode.values()) {
            OUTCOME_OF_CODE[code.ordinal()] = outcomeIndex(code);
        }
    }

    private final MeterRegistry registry;
    private final ActionDurations durations;
    private final Counter unknown;
    /** The meters of each action name (the versions of an action share them). */
    private final Map<String, Meters> byName = new ConcurrentHashMap<>();

    ActionTimers(MeterRegistry registry, ActionDurations durations) {
        this.registry = registry;
        this.durations = durations;
        this.unknown = Counter.builder("tether.actions.unknown")
                .description("Requests naming no registered action (or no such version)").register(registry);
    }

    /** The outcome tag of an error code. */
    static String outcome(ErrorCode code) {
        return OUTCOMES[outcomeIndex(code)];
    }

    private static int outcomeIndex(ErrorCode code) {
        return switch (code) {
            case PARAM_REQUIRED, PARAM_INVALID -> 1;
            case ACTION_TIMEOUT -> 2;
            case REJECTED, AUTH_FAILED -> 3;
            default -> 4;
        };
    }

    @Override
    public Probe probe(Action action) {
        return byName.computeIfAbsent(action.name(), this::meters);
    }

    private Meters meters(String action) {
        DurationHistogram[] byOutcome = new DurationHistogram[OUTCOMES.length];
        for (int i = 0; i < OUTCOMES.length; i++) {
            byOutcome[i] = durations.add(action, OUTCOMES[i]);
        }
        Counter validation = Counter.builder("tether.action.validation.failures")
                .description("Action requests refused because a param was missing or invalid")
                .tag("action", action).register(registry);
        return new Meters(action, byOutcome, validation, registry);
    }

    @Override
    public void unknownAction() {
        unknown.increment();
    }

    /** The meters of one action name, and its probe. */
    static final class Meters implements Probe {
        private final String action;
        private final DurationHistogram ok;
        private final DurationHistogram[] byOutcome;
        private final Counter validation;
        private final MeterRegistry registry;
        /** Successful chains answered after their deadline (the rest are {@link #ok}'s count). */
        private final LongAdder lateOk = new LongAdder();
        /** {@code tether_actions_total} of failed chains by error code, made on first use. */
        private final Counter[] failedRuns = new Counter[ErrorCode.values().length];
        /**
         * Whether the {@code ok} series of {@code tether_actions_total} is registered: read without
         * a lock (a stale false only leads into {@link #registerOk}, which checks again under one).
         */
        private boolean okRegistered;
        /** Guards the first registration of {@link #failedRuns} entries and of the ok series. */
        private final ReentrantLock registration = new ReentrantLock();

        Meters(String action, DurationHistogram[] byOutcome, Counter validation, MeterRegistry registry) {
            this.action = action;
            this.ok = byOutcome[0];
            this.byOutcome = byOutcome;
            this.validation = validation;
            this.registry = registry;
        }

        @Override
        public void record(TetherException error, long startedNanos, long endedNanos, boolean handled) {
            if (error == null) { // the hot path: one histogram record
                ok.record(endedNanos - startedNanos, endedNanos);
                if (!okRegistered) {
                    registerOk();
                }
                return;
            }
            ErrorCode code = error.code();
            byOutcome[OUTCOME_OF_CODE[code.ordinal()]].record(endedNanos - startedNanos, endedNanos);
            if (code == ErrorCode.PARAM_REQUIRED || code == ErrorCode.PARAM_INVALID) {
                validation.increment();
            }
            if (handled) {
                Counter c = failedRuns[code.ordinal()]; // a racy read: a miss only takes the lock
                (c != null ? c : failedRun(code)).increment();
            }
        }

        @Override
        public void handledLate(TetherException error) {
            if (error == null) {
                lateOk.increment();
                if (!okRegistered) {
                    registerOk();
                }
            } else {
                failedRun(error.code()).increment();
            }
        }

        /** Once per action name, at its first success. */
        private void registerOk() {
            registration.lock(); // a ReentrantLock, not a monitor: a virtual thread does not pin on it
            try {
                if (!okRegistered) {
                    FunctionCounter.builder("tether.actions", this, m -> m.ok.count() + m.lateOk.sum())
                            .description("Action runs by action and outcome")
                            .tag("action", action).tag("outcome", "ok").register(registry);
                    okRegistered = true;
                }
            } finally {
                registration.unlock();
            }
        }

        /**
         * The run counter of a failed chain, made under a lock on first use (the counter's own
         * fields are final: a thread reading the array without the lock sees it whole, or null and
         * then takes the lock).
         */
        private Counter failedRun(ErrorCode code) {
            Counter c = failedRuns[code.ordinal()];
            if (c != null) {
                return c;
            }
            registration.lock();
            try {
                c = failedRuns[code.ordinal()];
                if (c == null) {
                    c = Counter.builder("tether.actions").description("Action runs by action and outcome")
                            .tag("action", action).tag("outcome", code.name().toLowerCase(Locale.ROOT))
                            .register(registry);
                    failedRuns[code.ordinal()] = c;
                }
                return c;
            } finally {
                registration.unlock();
            }
        }
    }
}
