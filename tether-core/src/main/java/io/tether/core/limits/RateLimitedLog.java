package io.tether.core.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * INFO lines about refusals, at most one per interval: during a flood the first line is
 * logged, the rest are counted and the count rides on the next line logged. Thread-safe and
 * lock-free (refusals happen on every event loop at once).
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextNanos;
    private final AtomicLong suppressed = new AtomicLong();

    /** Logs to {@code log}, at most one line per {@code interval}. */
    public RateLimitedLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nextNanos = new AtomicLong(System.nanoTime());
    }

    /** Logs {@code format} at INFO unless a line was logged within the interval. */
    public void info(String format, Object... args) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long now = System.nanoTime();
        long next = nextNanos.get();
        if (now - next < 0 || !nextNanos.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long skipped = suppressed.getAndSet(0);
        if (skipped == 0) {
            log.info(format, args);
        } else {
            Object[] withCount = java.util.Arrays.copyOf(args, args.length + 1);
            withCount[args.length] = skipped;
            log.info(format + " ({} similar lines suppressed)", withCount);
        }
    }
}
