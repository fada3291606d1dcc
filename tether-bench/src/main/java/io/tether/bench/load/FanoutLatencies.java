package io.tether.bench.load;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The probes' delivery latencies, one {@link Recorder} per generator event loop, shared by the
 * connections of that loop and touched on it only. One histogram per connection (3 significant
 * digits, auto-resized) grew to ~160 KB each once the tail reached a few hundred milliseconds:
 * with every member a probe (100 rooms of 10) that was ~160 MB of arrays resized together when a
 * new maximum arrived, and the young collections copying them stalled the generator's loops for
 * 140–270 ms per window — which then showed as every system's p99. Per loop the histograms are
 * fixed-size (1 ns – 60 s) and allocated once.
 */
final class FanoutLatencies {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ConcurrentHashMap<EventExecutor, Recorder> recorders = new ConcurrentHashMap<>();
    private final int buckets;

    /** Recorders with a timeline of {@code buckets} slices of {@link FanoutTimeline#BUCKET_NANOS}. */
    FanoutLatencies(int buckets) {
        this.buckets = buckets;
    }

    /** The recorder of {@code loop} (made on first use). */
    Recorder of(EventExecutor loop) {
        return recorders.computeIfAbsent(loop, l -> new Recorder(buckets));
    }

    /** Every loop's latencies in one histogram (ns), and the worst per bucket into {@code worst}; reads each on its loop. */
    Histogram collect(long[] worst) throws InterruptedException {
        Histogram all = new Histogram(1, HIGHEST_NANOS, 3);
        List<EventExecutor> loops = new ArrayList<>(recorders.keySet());
        for (EventExecutor loop : loops) {
            Recorder r = recorders.get(loop);
            try {
                Histogram h = loop.submit(r.latencies::copy).get(10, TimeUnit.SECONDS);
                long[] w = loop.submit(r.worst::clone).get(10, TimeUnit.SECONDS);
                all.add(h);
                for (int i = 0; i < worst.length; i++) {
                    worst[i] = Math.max(worst[i], w[i]);
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot read a loop's latencies", e);
            }
        }
        return all;
    }

    /** One loop's latencies and its worst latency per timeline bucket; used on that loop only. */
    static final class Recorder {
        private final Histogram latencies = new Histogram(1, HIGHEST_NANOS, 3);
        /** Per {@link FanoutTimeline#BUCKET_NANOS} of the window: the longest latency received in it (ns). */
        private final long[] worst;

        private Recorder(int buckets) {
            this.worst = new long[buckets];
        }

        /** A delivery read at {@code readAt} (in the window starting at {@code start}) {@code latency} ns after its stamp. */
        void record(long latency, long readAt, long start) {
            latencies.recordValue(Math.min(Math.max(1, latency), HIGHEST_NANOS));
            int b = (int) Math.min(worst.length - 1, (readAt - start) / FanoutTimeline.BUCKET_NANOS);
            worst[b] = Math.max(worst[b], latency);
        }
    }
}
