package io.tether.app.admin;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A latency histogram that many threads record into at once without sharing a written cache
 * line: fixed buckets (a duration lands in the first whose bound is at least it), each a
 * striped {@link LongAdder}, a striped sum, and the largest duration of a recent window.
 *
 * <p>A record is a scan of the bounds from the smallest (most runs are fast), two striped
 * increments and a read of the window's maxima (written only when a run is slower than every
 * run since the window rotated), with no clock read of its own: the caller passes the time it
 * already has. The window is Micrometer's {@code TimeWindowMax} with its defaults: the maximum
 * of the last 2 minutes, kept in 3 slots that rotate every 40 s (so it covers 80 to 120 s).
 */
final class DurationHistogram {
    /** How long a recorded maximum is reported. */
    static final long EXPIRY_NANOS = TimeUnit.MINUTES.toNanos(2);
    private static final int SLOTS = 3;
    private static final long ROTATE_NANOS = EXPIRY_NANOS / SLOTS;

    private final long[] bounds;
    private final LongAdder[] counts;
    private final LongAdder sumNanos = new LongAdder();
    private final AtomicLong[] maxima = new AtomicLong[SLOTS];
    private final ReentrantLock rotation = new ReentrantLock();
    private volatile long nextRotation;
    /** The slot reported; written under {@link #rotation}. */
    private volatile int current;

    /**
     * An empty histogram; {@code boundsNanos} ascending, {@code now} a {@link System#nanoTime()}
     * reading.
     */
    DurationHistogram(long[] boundsNanos, long now) {
        this.bounds = boundsNanos.clone();
        this.counts = new LongAdder[bounds.length + 1];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        for (int i = 0; i < SLOTS; i++) {
            maxima[i] = new AtomicLong();
        }
        this.nextRotation = now + ROTATE_NANOS;
    }

    /** Records one duration (a negative one is ignored) ended at {@code now} ({@link System#nanoTime()}). */
    void record(long nanos, long now) {
        if (nanos < 0) {
            return;
        }
        int i = 0;
        long[] b = bounds;
        while (i < b.length && nanos > b[i]) {
            i++;
        }
        counts[i].increment();
        sumNanos.add(nanos);
        if (now - nextRotation >= 0) {
            rotate(now);
        }
        for (AtomicLong m : maxima) {
            long seen = m.get();
            while (nanos > seen && !m.compareAndSet(seen, nanos)) {
                seen = m.get();
            }
        }
    }

    /** The count of each bucket (not cumulative), the last one above every bound. */
    long[] counts() {
        long[] out = new long[counts.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts[i].sum();
        }
        return out;
    }

    /** Runs recorded. */
    long count() {
        long n = 0;
        for (LongAdder c : counts) {
            n += c.sum();
        }
        return n;
    }

    /** The sum of the recorded durations. */
    long sumNanos() {
        return sumNanos.sum();
    }

    /** The largest duration of the window ending at {@code now}, 0 when none. */
    long maxNanos(long now) {
        if (now - nextRotation >= 0) {
            rotate(now);
        }
        return maxima[current].get();
    }

    /** Clears the slots that expired by {@code now} and moves the reported one on. */
    private void rotate(long now) {
        if (!rotation.tryLock()) {
            return; // another thread rotates: its result is good for this record too
        }
        try {
            long due = nextRotation;
            if (now - due < 0) {
                return;
            }
            long behind = (now - due) / ROTATE_NANOS + 1; // slots to clear
            if (behind >= SLOTS) {
                for (AtomicLong m : maxima) {
                    m.set(0);
                }
                current = 0;
            } else {
                int c = current;
                for (long k = 0; k < behind; k++) {
                    maxima[c].set(0);
                    c = (c + 1) % SLOTS;
                }
                current = c;
            }
            nextRotation = due + behind * ROTATE_NANOS;
        } finally {
            rotation.unlock();
        }
    }
}
