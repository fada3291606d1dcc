package io.tether.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
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

    /**
     * One connection's latencies and counts; written by its event loop, read at the end. The
     * lock is uncontended (only this connection's loop writes) and taken once per batch of
     * replies with one latency, not once per reply.
     */
    final class Local {
        private final Histogram latencies = new Histogram(3);
        private final ReentrantLock lock = new ReentrantLock();
        private long count;
        private long errorCount;

        /** {@code n} replies ({@code errors} of them errors) to requests sent at {@code sentAt}, read at {@code now}. */
        void record(long sentAt, long now, int n, int errors) {
            if (sentAt < measureStart || now > measureEnd) {
                return;
            }
            lock.lock();
            try {
                latencies.recordValueWithCount(Math.max(0, now - sentAt), n);
                count += n;
                errorCount += errors;
            } finally {
                lock.unlock();
            }
            if (target > 0) {
                long after = completed.addAndGet(n);
                if (after >= target && after - n < target) {
                    endMeasuring(now);
                    done.countDown();
                }
            }
        }

        private <T> T read(java.util.function.Function<Local, T> f) {
            lock.lock();
            try {
                return f.apply(this);
            } finally {
                lock.unlock();
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
            sum += l.read(x -> x.count);
        }
        return sum;
    }

    long errors() {
        long sum = 0;
        for (Local l : locals) {
            sum += l.read(x -> x.errorCount);
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
            l.read(x -> {
                all.add(x.latencies);
                return null;
            });
        }
        return all;
    }
}
