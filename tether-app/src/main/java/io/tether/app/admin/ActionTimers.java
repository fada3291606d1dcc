package io.tether.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.action.ActionMeter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Action latency by outcome and the request counters the middleware cannot see: every meter
 * of an action is made when the core is built ({@link #probe}), so a run costs an array read
 * and a {@link Timer#record}, with no tags built and no map looked up.
 *
 * <ul>
 *   <li>{@code tether_action_duration_seconds{action, outcome}}: a histogram with fixed buckets
 *       from 1 ms to 10 s ({@link #BUCKETS}); outcome {@code ok}, {@code validation} (a missing
 *       or invalid param), {@code timeout}, {@code rejected} (a middleware or authentication
 *       refused it) or {@code error} (anything else the action failed with)</li>
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

    private final MeterRegistry registry;
    private final Counter unknown;

    ActionTimers(MeterRegistry registry) {
        this.registry = registry;
        this.unknown = Counter.builder("tether.actions.unknown")
                .description("Requests naming no registered action (or no such version)").register(registry);
    }

    /** The outcome tag of an error code. */
    static String outcome(ErrorCode code) {
        return switch (code) {
            case PARAM_REQUIRED, PARAM_INVALID -> "validation";
            case ACTION_TIMEOUT -> "timeout";
            case REJECTED, AUTH_FAILED -> "rejected";
            default -> "error";
        };
    }

    @Override
    public Probe probe(Action action) {
        String name = action.name();
        Timer ok = timer(name, "ok");
        Timer[] byCode = new Timer[ErrorCode.values().length];
        for (ErrorCode code : ErrorCode.values()) {
            byCode[code.ordinal()] = timer(name, outcome(code));
        }
        Counter validation = Counter.builder("tether.action.validation.failures")
                .description("Action requests refused because a param was missing or invalid")
                .tag("action", name).register(registry);
        return (error, nanos) -> {
            if (error == null) {
                ok.record(nanos, TimeUnit.NANOSECONDS);
                return;
            }
            ErrorCode code = error.code();
            byCode[code.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
            if (code == ErrorCode.PARAM_REQUIRED || code == ErrorCode.PARAM_INVALID) {
                validation.increment();
            }
        };
    }

    private Timer timer(String action, String outcome) {
        return Timer.builder("tether.action.duration")
                .description("Action runs from admission to outcome, by action and outcome")
                .tag("action", action).tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public void unknownAction() {
        unknown.increment();
    }
}
