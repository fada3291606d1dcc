package io.tether.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tether.api.ActionContext;
import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.TetherException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every action run that reached its handler (the middleware also sees JSTP-native
 * methods, which it skips), by action and outcome
 * ({@code tether_actions_total{action, outcome}}; outcome {@code ok} or the error code).
 * Runs last, so it sees the outcome after every other middleware.
 */
final class ActionMetrics implements ActionMiddleware {
    private final MeterRegistry registry;
    /** Successful runs by action: the common case costs one lookup by the action's name. */
    private final Map<String, Counter> succeeded = new ConcurrentHashMap<>();
    /** Failed runs by action and outcome. */
    private final Map<String, Counter> failed = new ConcurrentHashMap<>();

    ActionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public TetherException after(CallContext context, TetherException error) {
        if (!(context instanceof ActionContext run)) {
            return error; // JSTP-native methods are not actions: not counted here
        }
        String action = run.action().name();
        if (error == null) {
            Counter c = succeeded.get(action);
            (c != null ? c : succeeded.computeIfAbsent(action, a -> counter(a, "ok"))).increment();
        } else {
            String outcome = error.code().name().toLowerCase(java.util.Locale.ROOT);
            failed.computeIfAbsent(action + '\0' + outcome, k -> counter(action, outcome)).increment();
        }
        return error;
    }

    private Counter counter(String action, String outcome) {
        return Counter.builder("tether.actions")
                .description("Action runs by action and outcome")
                .tag("action", action).tag("outcome", outcome)
                .register(registry);
    }
}
