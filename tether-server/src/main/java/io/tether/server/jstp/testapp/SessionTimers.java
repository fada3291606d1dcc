package io.tether.server.jstp.testapp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.session.resume.ResumableSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code emitLater} and {@code delayedEcho} timers of one session: at most {@link #MAX_PENDING}
 * at once holding at most {@link #MAX_PENDING_CHARS} characters of payload in all, each at most
 * {@link #MAX_DELAY_MILLIS} ahead, all cancelled when the session is dropped for good (expiry,
 * overflow, {@link ResumableSession#drop()}), which releases the payloads they hold. Not when only the
 * transport closes (an {@code emitLater} event is buffered for a session that is offline and sent
 * on restore), nor when the session is handed off to another node (their results follow it there;
 * the delay cap bounds how long).
 */
final class SessionTimers {
    /** Timers one session may have pending. */
    static final int MAX_PENDING = 256;
    /** Characters of payload (mdsf form) the pending timers of one session hold in all. */
    static final long MAX_PENDING_CHARS = 1024 * 1024;
    /** Longest delay of one timer. */
    static final long MAX_DELAY_MILLIS = 60_000;
    private static final String KEY = "testApp.timers";

    private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong chars = new AtomicLong();
    private volatile boolean cancelled;

    /** The timers of {@code session} (kept in its user data, which snapshots skip as not plain). */
    static SessionTimers of(ResumableSession session) {
        return (SessionTimers) session.data().computeIfAbsent(KEY, k -> {
            SessionTimers timers = new SessionTimers();
            session.onDrop(() -> {
                if (!session.isHandedOff()) {
                    timers.cancelAll();
                }
            });
            if (session.isDropped()) {
                timers.cancelAll();
            }
            return timers;
        });
    }

    /**
     * Runs {@code task}, which holds {@code payloadChars} characters of payload, after
     * {@code delayMillis}; {@code onCancel} runs instead if the session is dropped first.
     *
     * @throws TetherException {@link ErrorCode#TOO_MANY_PENDING} at the bound,
     *                         {@link ErrorCode#PARAM_INVALID} for a delay over the cap
     */
    void schedule(ScheduledExecutorService timer, long delayMillis, int payloadChars, Runnable task,
                  Runnable onCancel) {
        if (delayMillis > MAX_DELAY_MILLIS) {
            throw new TetherException(ErrorCode.PARAM_INVALID, "delay over " + MAX_DELAY_MILLIS + " ms");
        }
        boolean tooMany = count.incrementAndGet() > MAX_PENDING;
        boolean tooLarge = chars.addAndGet(payloadChars) > MAX_PENDING_CHARS;
        if (tooMany || tooLarge || cancelled) {
            count.decrementAndGet();
            chars.addAndGet(-payloadChars);
            throw new TetherException(ErrorCode.TOO_MANY_PENDING, "too many pending timers in this session (at most "
                    + MAX_PENDING + ", holding " + MAX_PENDING_CHARS + " characters)");
        }
        Pending p = new Pending(task, onCancel, payloadChars);
        pending.add(p);
        p.future = timer.schedule(p, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        if (cancelled) {
            p.cancel();
        }
    }

    /** Timers pending now. */
    int pending() {
        return count.get();
    }

    private void cancelAll() {
        cancelled = true;
        pending.forEach(Pending::cancel);
    }

    /** One timer; forgets its task (and so the payload) once run or cancelled. */
    private final class Pending implements Runnable {
        private final AtomicInteger state = new AtomicInteger(); // 0 pending, 1 done
        private volatile Runnable task;
        private volatile Runnable onCancel;
        private volatile ScheduledFuture<?> future;
        private final int payloadChars;

        Pending(Runnable task, Runnable onCancel, int payloadChars) {
            this.task = task;
            this.onCancel = onCancel;
            this.payloadChars = payloadChars;
        }

        @Override
        public void run() {
            Runnable t = task;
            if (finish()) {
                t.run();
            }
        }

        void cancel() {
            Runnable c = onCancel;
            if (finish()) {
                ScheduledFuture<?> f = future;
                if (f != null) {
                    f.cancel(false);
                }
                c.run();
            }
        }

        private boolean finish() {
            if (!state.compareAndSet(0, 1)) {
                return false;
            }
            task = null;
            onCancel = null;
            pending.remove(this);
            count.decrementAndGet();
            chars.addAndGet(-payloadChars);
            return true;
        }
    }
}
