package io.tether.core.limits;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of every {@link Refusal} since start, for metrics and tests. One per
 * {@link io.tether.core.TetherCore} (no static state); thread-safe and cheap to count from
 * event loops.
 */
public final class Refusals {
    private final Map<Refusal, LongAdder> counts = new EnumMap<>(Refusal.class);

    /** A zeroed set of counters. */
    public Refusals() {
        for (Refusal r : Refusal.values()) {
            counts.put(r, new LongAdder());
        }
    }

    /** Counts one refusal. */
    public void count(Refusal reason) {
        counts.get(reason).increment();
    }

    /** How many refusals of this kind happened since start. */
    public long get(Refusal reason) {
        return counts.get(reason).sum();
    }
}
