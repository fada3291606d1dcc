package io.tether.bench.load;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and the latency recorder shared by all connections of one run. Only requests
 * sent after the measurement started and answered before it ended are counted, so
 * warm-up traffic and the drain at the end do not distort the numbers.
 */
final class LoadStats {
    private static final int MAX_FATAL_MESSAGES = 5;

    private final Recorder latencies = new Recorder(3);
    private final AtomicLong completed = new AtomicLong();
    private final LongAdder errors = new LongAdder();
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

    /** Counts requests sent from {@code nanoTime} on; resets the recorder. */
    void startMeasuring(long nanoTime) {
        latencies.reset();
        measureStart = nanoTime;
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

    void record(long sentAt, long now, boolean error) {
        if (sentAt < measureStart || now > measureEnd) {
            return;
        }
        latencies.recordValue(Math.max(0, now - sentAt));
        if (error) {
            errors.increment();
        }
        if (completed.incrementAndGet() == target) {
            endMeasuring(now);
            done.countDown();
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
        return completed.get();
    }

    long errors() {
        return errors.sum();
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

    Histogram histogram() {
        return latencies.getIntervalHistogram();
    }
}
