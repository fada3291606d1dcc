package io.tether.bench.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The measured window in {@link #BUCKET_NANOS} slices: per slice, the wall-clock time it began,
 * the longest delivery latency received in it and the generator's longest loop lag. Printed to
 * standard error (one {@code timeline} line per slice) so a tail can be matched against a node's
 * GC log ({@code -Xlog:gc::time}) or the generator's own lag.
 */
final class FanoutTimeline {
    /** Slice length. */
    static final long BUCKET_NANOS = 100_000_000L;

    private FanoutTimeline() {
    }

    /** Slices in a window of {@code windowNanos}, plus one for what arrives at its very end. */
    static int buckets(long windowNanos) {
        return (int) (windowNanos / BUCKET_NANOS) + 1;
    }

    /** Prints one line per slice: {@code timeline <epoch ms> <worst latency ms> <worst loop lag ms>}. */
    static void print(PrintStream out, long startEpochMillis, long[] worstLatency, long[] worstLag) {
        for (int i = 0; i < worstLatency.length; i++) {
            out.printf(Locale.ROOT, "timeline %d %.1f %.1f%n", startEpochMillis + i * BUCKET_NANOS / 1_000_000,
                    worstLatency[i] / 1e6, worstLag[i] / 1e6);
        }
    }
}
