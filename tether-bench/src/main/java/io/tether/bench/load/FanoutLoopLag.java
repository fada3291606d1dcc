package io.tether.bench.load;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The generator's own lag: on each of its event loops a task asks to run every millisecond and
 * records how late it ran (run time − asked time) while the window is open. A delivery that
 * arrives while its loop is busy waits about as long before it is read and stamped, so a
 * delivery tail that the loops' lag tail matches is the generator's, not the server's.
 */
final class FanoutLoopLag {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final List<Probe> probes = new ArrayList<>();

    /** Starts one probe per loop of {@code group}, measuring in [{@code start}, {@code end}]. */
    FanoutLoopLag(EventLoopGroup group, FanoutPhase phase, int buckets) {
        for (EventExecutor e : group) {
            Probe p = new Probe((EventLoop) e, phase, buckets);
            probes.add(p);
            e.execute(p::arm);
        }
    }

    /** Every loop's lag in one histogram (ns), and the worst per bucket into {@code worst}; reads each probe on its loop. */
    Histogram collect(long[] worst) throws InterruptedException {
        Histogram all = new Histogram(3);
        for (Probe p : probes) {
            try {
                all.add(p.loop.submit(p::copy).get(10, TimeUnit.SECONDS));
                long[] w = p.loop.submit(p.worst::clone).get(10, TimeUnit.SECONDS);
                for (int i = 0; i < worst.length; i++) {
                    worst[i] = Math.max(worst[i], w[i]);
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot read a loop's lag", e);
            }
        }
        return all;
    }

    /** One loop's probe; touched on that loop only. */
    private static final class Probe implements Runnable {
        private final EventLoop loop;
        private final FanoutPhase phase;
        private final Histogram lag = new Histogram(3);
        private final long[] worst;
        private long due;

        Probe(EventLoop loop, FanoutPhase phase, int buckets) {
            this.worst = new long[buckets];
            this.loop = loop;
            this.phase = phase;
        }

        void arm() {
            due = System.nanoTime() + PERIOD_NANOS;
            loop.schedule(this, PERIOD_NANOS, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            if (now >= phase.measureStart() && now <= phase.measureEnd()) {
                long late = Math.max(0, now - due);
                lag.recordValue(late);
                int b = (int) Math.min(worst.length - 1, (now - phase.measureStart()) / FanoutTimeline.BUCKET_NANOS);
                worst[b] = Math.max(worst[b], late);
            }
            if (!phase.stopping()) {
                arm();
            }
        }

        Histogram copy() {
            return lag.copy();
        }
    }
}
