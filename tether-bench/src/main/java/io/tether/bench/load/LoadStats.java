package io.tether.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Counters and latencies of one run. Only requests sent after the measurement started and
 * answered before it ended are counted, so warm-up traffic and the drain at the end do not
 * distort the numbers. Each connection records into its own {@link Local} (no counter or
 * histogram shared between the generator's threads, so recording stays cheap and
 * contention-free); the totals merge them. A shared counter is kept only for {@code -n}
 * runs, which must stop at an exact count.
 */
final class LoadStats {
    private static final int MAX_FATAL_MESSAGES = 5;

    private final ConcurrentLinkedQueue<Local> locals = new ConcurrentLinkedQueue<>();
    private final AtomicLong completed = new AtomicLong();
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final ConcurrentLinkedQueue<String> fatalMessages = new ConcurrentLinkedQueue<>();
    private final AtomicLong budget;
    private final long target;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile boolean stopping;

    LoadStats(long requests) {
        this.target = requests;
        this.budget = new AtomicLong(requests);
    }

    /** Counts requests sent from {@code nanoTime} on. */
    void startMeasuring(long nanoTime) {
        measureStart = nanoTime;
    }

    /** A new recorder for one connection. */
    Local local() {
        Local l = new Local();
        locals.add(l);
        return l;
    }

    void endMeasuring(long nanoTime) {
        measureEnd = Math.min(measureEnd, nanoTime);
        stopping = true;
    }

    /** Whether one more request may be sent at {@code now}. */
    boolean maySend(long now) {
        if (stopping) {
            return false;
        }
        return target == 0 || now < measureStart || budget.getAndDecrement() > 0;
    }

    /** One connection's latencies and counts; written by its event loop, read at the end. */
    final class Local {
        private final Histogram latencies = new Histogram(3);
        private long count;
        private long errorCount;

        void record(long sentAt, long now, boolean error) {
            if (sentAt < measureStart || now > measureEnd) {
                return;
            }
            synchronized (this) { // uncontended: only this connection's loop writes
                latencies.recordValue(Math.max(0, now - sentAt));
                count++;
                if (error) {
                    errorCount++;
                }
            }
            if (target > 0 && completed.incrementAndGet() == target) {
                endMeasuring(now);
                done.countDown();
            }
        }
    }

    boolean stopping() {
        return stopping;
    }

    void unmatched() {
        unmatched.increment();
    }

    void failure(String why) {
        failures.increment();
        if (fatalMessages.size() < MAX_FATAL_MESSAGES) {
            fatalMessages.add(why);
        }
    }

    CountDownLatch done() {
        return done;
    }

    long measureStart() {
        return measureStart;
    }

    long measureEnd() {
        return measureEnd;
    }

    long completed() {
        long sum = 0;
        for (Local l : locals) {
            synchronized (l) {
                sum += l.count;
            }
        }
        return sum;
    }

    long errors() {
        long sum = 0;
        for (Local l : locals) {
            synchronized (l) {
                sum += l.errorCount;
            }
        }
        return sum;
    }

    long unmatchedCount() {
        return unmatched.sum();
    }

    long failures() {
        return failures.sum();
    }

    String firstFailure() {
        String first = fatalMessages.peek();
        return first == null ? "" : first;
    }

    /** All connections' latencies merged. */
    Histogram histogram() {
        Histogram all = new Histogram(3);
        for (Local l : locals) {
            synchronized (l) {
                all.add(l.latencies);
            }
        }
        return all;
    }
}
