package io.tether.core.action;

import io.tether.api.Action;
import io.tether.api.TetherException;

/**
 * Measures action requests, for metrics: every run of a known action with its outcome and
 * duration (validation failures and timeouts included), whether its handler chain produced
 * that outcome, and requests that named no known action. Installed with
 * {@code TetherCore.Builder.actionMeter}; without one nothing is measured.
 *
 * <p>Cheap on the hot path by construction: {@link #probe} is asked once per action when the
 * core is built (meters are created there, tags and all), and each run then makes one call to
 * its action's probe, with the two clock readings the pipeline already has (its start, for
 * the deadline, and the one taken at the outcome). Probes are called on I/O, worker and timer
 * threads at once: they must be thread-safe, must not block, and should not write memory
 * that every thread shares (stripe it, as {@link java.util.concurrent.atomic.LongAdder} does).
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder().action(greet).actionMeter(new ActionMeter() {
 *     public Probe probe(Action action) {
 *         Timer ok = Timer.builder("greet").tag("action", action.name()).register(registry);
 *         return (error, started, ended, handled) -> {
 *             if (error == null) ok.record(ended - started, TimeUnit.NANOSECONDS);
 *         };
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
         * One run was answered (once per run, on the thread that answers it).
         *
         * @param error        the run's error, null for a success (a failed validation is a
         *                     {@code PARAM_REQUIRED}/{@code PARAM_INVALID}, a timeout an {@code ACTION_TIMEOUT})
         * @param startedNanos {@link System#nanoTime()} at admission
         * @param endedNanos   {@link System#nanoTime()} at the outcome ({@code endedNanos - startedNanos}
         *                     is the run's duration)
         * @param handled      true when the answer is what the run's handler chain (middleware,
         *                     handler, middleware) returned; false when the run was answered
         *                     without it (its inputs were refused) or before it ended (its
         *                     deadline answered: {@link #handledLate} may follow)
         */
        void record(TetherException error, long startedNanos, long endedNanos, boolean handled);

        /**
         * The handler chain of a run whose deadline had already answered ended after all
         * (called on the run's thread, after {@link #record} of the timeout).
         *
         * @param error what the chain returned, null for a success
         */
        default void handledLate(TetherException error) {
        }
    }
}
