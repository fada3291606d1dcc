package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.TetherException;

/**
 * Measures action requests, for metrics: every run of a known action with its outcome and
 * duration (validation failures and timeouts included), and requests that named no known
 * action. Installed with {@code TetherCore.Builder.actionMeter}; without one nothing is
 * measured and no clock is read for it.
 *
 * <p>Cheap on the hot path by construction: {@link #probe} is asked once per action when the
 * core is built (meters are created there, tags and all), and each run then reports to its
 * action's probe with the time taken between admission (the pipeline's own start time) and
 * the outcome (one more {@link System#nanoTime()} read). Probes are called on I/O, worker and
 * timer threads at once: they must be thread-safe and must not block.
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(greet).actionMeter(new ActionMeter() {
 *     public Probe probe(Action action) {
 *         Timer ok = Timer.builder("greet").tag("action", action.name()).register(registry);
 *         return (error, nanos) -> { if (error == null) ok.record(nanos, TimeUnit.NANOSECONDS); };
 *     }
 *     public void unknownAction() { unknown.increment(); }
 * }).build();
 * }</pre>
 */
public interface ActionMeter {
    /** The probe the runs of {@code action} report to; asked once per action (and version). */
    Probe probe(Action action);

    /**
     * A request named no registered action (or no such version). The name is not passed on:
     * clients choose it, so it must never become a metric tag.
     */
    void unknownAction();

    /** Where one action's runs report. */
    @FunctionalInterface
    interface Probe {
        /**
         * One run ended.
         *
         * @param error the run's error, null for a success (a failed validation is a
         *              {@code PARAM_REQUIRED}/{@code PARAM_INVALID}, a timeout an {@code ACTION_TIMEOUT})
         * @param nanos time from admission to the outcome
         */
        void record(TetherException error, long nanos);
    }
}
