package io.tether.core.action;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one admitted call, an action or a method, in its execution mode with its deadline:
 * blocking runs (the default) on a virtual thread of the workers, interrupted when the
 * deadline answers first; non-blocking runs on the calling thread (a synchronous body is
 * done on return; an asynchronous one is answered by its stage or by the deadline, which then
 * cancels the stage). Every run completes its future exactly once, after the session's
 * pending count (when the call was counted) is decremented; nothing the body throws escapes.
 */
final class CallPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CallPipeline.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;

    CallPipeline(ExecutorService workers, ScheduledExecutorService timer) {
        this.workers = workers;
        this.timer = timer;
    }

    /** One call as the pipeline drives it. */
    interface Call<R> {
        /** What runs, for logs ({@code action greet}, {@code method calc.add}). */
        String what();

        /** Runs on a virtual thread (false) or on the calling thread (true). */
        boolean nonBlocking();

        /** Whether the body answers through a stage ({@link #startAsync}) instead of {@link #runSync}. */
        boolean async();

        /** Runs a synchronous body (middleware included) to its outcome; may throw anything. */
        R runSync(long deadlineNanos) throws Throwable;

        /** Starts an asynchronous body (middleware included); may throw anything. */
        CompletionStage<R> startAsync(long deadlineNanos) throws Throwable;

        /** The outcome of a failed run. */
        R failed(TetherException error);

        /** The text of a timeout after {@code millis}. */
        String timeoutText(long millis);

        /** Cancels the body's own stage after the deadline answered (asynchronous bodies). */
        default void cancel() {
        }

        /**
         * The run's one outcome is about to be delivered, once per run, on the thread that
         * delivers it; for measurements. {@code startedNanos} is the pipeline's start time and
         * {@code endedNanos} a {@link System#nanoTime()} read at the outcome (the one the
         * deadline check already made on the calling thread: no extra clock read there).
         */
        default void done(R outcome, long startedNanos, long endedNanos) {
        }

        /**
         * A synchronous body ran to its outcome after the deadline had answered for it: that
         * outcome is dropped (called on the body's thread, after {@link #done} of the timeout).
         */
        default void dropped(R outcome) {
        }
    }

    <R> CompletableFuture<R> run(Session session, boolean counted, Duration timeout, Call<R> call) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        if (call.nonBlocking()) {
            return call.async() ? startHere(session, counted, call, timeout, started, deadline)
                    : CompletableFuture.completedFuture(runHere(session, counted, call, started, deadline));
        }
        Completion<R> completion = new Completion<>(session, counted, call, started);
        Future<?> task = workers.submit(() -> {
            if (call.async()) {
                start(completion, call, deadline);
            } else {
                R outcome = guarded(call, deadline);
                if (!completion.complete(outcome)) {
                    call.dropped(outcome);
                }
            }
        });
        arm(completion, call, timeout, task);
        return completion.future;
    }

    /**
     * Starts an asynchronous body on the calling thread. A body answered on return (the common
     * case) costs no completion and no timer; a pending one is followed and armed.
     */
    private <R> CompletableFuture<R> startHere(Session session, boolean counted, Call<R> call, Duration timeout,
                                               long started, long deadline) {
        CompletionStage<R> stage;
        try {
            stage = call.startAsync(deadline);
        } catch (Throwable t) {
            stage = CompletableFuture.completedFuture(call.failed(ErrorPolicy.toClient(t, call.what())));
        }
        long ended = warnIfOverrun(call, started, deadline);
        if (stage instanceof CompletableFuture<R> f && f.state() == Future.State.SUCCESS) {
            if (counted) {
                session.endAction();
            }
            call.done(f.resultNow(), started, ended);
            return f;
        }
        Completion<R> completion = new Completion<>(session, counted, call, started);
        completion.follow(stage);
        if (!completion.future.isDone()) {
            arm(completion, call, timeout, null);
        }
        return completion.future;
    }

    private <R> void arm(Completion<R> completion, Call<R> call, Duration timeout, Future<?> task) {
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            if (completion.claim()) { // stop the body first, then answer: the answer is the last word
                if (task != null) {
                    task.cancel(true);
                }
                completion.cancelStage();
                call.cancel();
                completion.deliver(call.failed(new TetherException(ErrorCode.ACTION_TIMEOUT,
                        call.timeoutText(timeout.toMillis()))));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        completion.future.whenComplete((o, e) -> alarm.cancel(false));
    }

    private <R> R runHere(Session session, boolean counted, Call<R> call, long started, long deadline) {
        R outcome;
        try {
            outcome = guarded(call, deadline);
        } finally {
            if (counted) {
                session.endAction();
            }
        }
        call.done(outcome, started, warnIfOverrun(call, started, deadline));
        return outcome;
    }

    /** Logs a non-blocking run that overran its deadline; returns the time read. */
    private static long warnIfOverrun(Call<?> call, long started, long deadline) {
        long now = System.nanoTime();
        if (now > deadline) {
            LOG.warn("non-blocking {} took {} ms (timeout {} ms) on an I/O thread; it should not be non-blocking",
                    call.what(), TimeUnit.NANOSECONDS.toMillis(now - started),
                    TimeUnit.NANOSECONDS.toMillis(deadline - started));
        }
        return now;
    }

    private static <R> R guarded(Call<R> call, long deadline) {
        try {
            return call.runSync(deadline);
        } catch (Throwable t) {
            return call.failed(ErrorPolicy.toClient(t, call.what()));
        }
    }

    private static <R> void start(Completion<R> completion, Call<R> call, long deadline) {
        CompletionStage<R> stage;
        try {
            stage = call.startAsync(deadline);
        } catch (Throwable t) {
            completion.complete(call.failed(ErrorPolicy.toClient(t, call.what())));
            return;
        }
        completion.follow(stage);
    }

    /** Completes a run exactly once, decrementing the pending count first. */
    private static final class Completion<R> {
        final CompletableFuture<R> future = new CompletableFuture<>();
        private final AtomicBoolean done = new AtomicBoolean();
        private final Session session;
        private final boolean counted;
        private final Call<R> call;
        private final long started;
        private volatile CompletionStage<R> stage;

        Completion(Session session, boolean counted, Call<R> call, long started) {
            this.session = session;
            this.counted = counted;
            this.call = call;
            this.started = started;
        }

        boolean complete(R outcome) {
            if (!claim()) {
                return false;
            }
            deliver(outcome);
            return true;
        }

        /** Takes the right to answer; true once. */
        boolean claim() {
            return done.compareAndSet(false, true);
        }

        /** Answers after {@link #claim()}. */
        void deliver(R outcome) {
            if (counted) {
                session.endAction();
            }
            call.done(outcome, started, System.nanoTime());
            future.complete(outcome);
        }

        void follow(CompletionStage<R> s) {
            this.stage = s;
            s.whenComplete((r, e) -> {
                if (!done.get()) { // not after the deadline answered (a cancelled stage is not an error to log)
                    complete(e == null ? r : call.failed(ErrorPolicy.toClient(e, call.what())));
                }
            });
            if (done.get()) {
                cancelStage(); // the deadline answered while the body was starting
            }
        }

        void cancelStage() {
            CompletionStage<R> s = stage;
            if (s != null) {
                try {
                    s.toCompletableFuture().cancel(true);
                } catch (RuntimeException unsupported) {
                    // a stage that is not a future cannot be cancelled; its answer is ignored
                }
            }
        }
    }
}
