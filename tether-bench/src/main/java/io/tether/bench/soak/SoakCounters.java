package io.tether.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the churn did so far; thread-safe. */
final class SoakCounters {
    private static final int KEPT_ERRORS = 20;

    final LongAdder cycles = new LongAdder();
    final LongAdder socketCycles = new LongAdder();
    final LongAdder jstpCycles = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder drops = new LongAdder();
    final LongAdder restores = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder errors = new LongAdder();
    final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, LongAdder> expected = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger kept = new AtomicInteger();

    /** An error the load provokes on purpose, answered as documented. */
    void expected(String kind) {
        expected.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Anything else that went wrong; the first ones are kept and printed at once. */
    void error(String what, Throwable e) {
        errors.increment();
        if (kept.incrementAndGet() <= KEPT_ERRORS) {
            String line = java.time.Instant.now() + " " + what + ": " + e;
            firstErrors.add(line);
            System.err.println("soak error: " + line);
        }
    }

    Map<String, Long> expectedErrors() {
        Map<String, Long> m = new TreeMap<>();
        expected.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    long expectedTotal() {
        return expected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    List<String> firstErrors() {
        return new ArrayList<>(firstErrors);
    }
}
