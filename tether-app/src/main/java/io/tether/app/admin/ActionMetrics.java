package io.tether.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tether.api.ActionContext;
import io.tether.api.ActionMiddleware;
import io.tether.api.TetherException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every action run that reached its handler, by action and outcome
 * ({@code tether_actions_total{action, outcome}}; outcome {@code ok} or the error code).
 * Runs last, so it sees the outcome after every other middleware.
 */
final class ActionMetrics implements ActionMiddleware {
    private final MeterRegistry registry;
    /** One counter per action and outcome, so a run costs a map lookup, not a meter registration. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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
    public TetherException after(ActionContext context, TetherException error) {
        String outcome = error == null ? "ok" : error.code().name().toLowerCase(java.util.Locale.ROOT);
        String action = context.action().name();
        counters.computeIfAbsent(action + '\0' + outcome, k -> Counter.builder("tether.actions")
                .description("Action runs by action and outcome")
                .tag("action", action).tag("outcome", outcome)
                .register(registry)).increment();
        return error;
    }
}
