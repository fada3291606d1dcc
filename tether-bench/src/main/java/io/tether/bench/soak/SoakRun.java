package io.tether.bench.soak;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A soak run: starts {@link SoakCycles} at a steady rate for the run's duration while
 * sampling the server's live heap every {@code sampleEvery} ({@link HeapProbe}: a full GC of
 * the server, then its used heap), then decides whether the heap was flat and the run
 * error-free ({@link SoakReport}).
 *
 * <p>Samples: one before the load starts, one every interval while it runs and one at its end.
 * After the end, once the running cycles finished, one more full GC and twenty sequential
 * cycles (every variant), so that Netty's leak detector, which reports a leaked buffer when
 * the next buffer is allocated after the collection that found it, has reported everything
 * the run leaked before the server's log is read.
 */
public final class SoakRun {
    private static final int AFTER_CYCLES = 20;

    private final SoakOptions options;
    private final PrintStream progress;

    /** A run with these options; progress lines (one per sample) go to {@code progress}. */
    public SoakRun(SoakOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs to the end; blocking. */
    public SoakReport run() throws IOException, InterruptedException {
        SoakCounters counters = new SoakCounters();
        HeapProbe probe = options.pid() > 0 ? new HeapProbe(options.pid()) : null;
        // written by one thread at a time: this thread before the sampler starts and after it ended
        // (Thread.start/join order the writes), the sampler in between; read here after the join
        List<SoakSample> samples = new ArrayList<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2,
                Thread.ofPlatform().name("soak-io-", 0).daemon(true).factory(), NioIoHandler.newFactory());
        Writer csv = options.samples() == null ? null : Files.newBufferedWriter(options.samples(), StandardCharsets.UTF_8);
        try (ExecutorService cycles = Executors.newVirtualThreadPerTaskExecutor()) {
            if (csv != null) {
                csv.write(SoakSample.CSV_HEADER + "\n");
            }
            SoakCycles churn = new SoakCycles(options, counters, group);
            long start = System.nanoTime();
            long durationNs = options.duration().toNanos();
            long sampleNs = options.sampleEvery().toNanos();
            long periodNs = Math.max(1, Math.round(1e9 / options.rate()));
            sample(probe, counters, start, samples, csv);
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().name("soak-sampler").start(() -> {
                for (long next = start + sampleNs; ; next += sampleNs) {
                    waitUntil(next, loading);
                    if (!loading.get()) {
                        return;
                    }
                    try {
                        sample(probe, counters, start, samples, csv);
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        counters.error("heap sample", e);
                    }
                }
            });
            long n = 0;
            for (long next = start; next - start < durationNs; next += periodNs) {
                waitUntil(next, loading);
                if (counters.inFlight.get() >= options.maxInFlight()) {
                    counters.skipped.increment();
                    continue;
                }
                long cycle = n++;
                counters.inFlight.incrementAndGet();
                cycles.execute(() -> {
                    try {
                        churn.run(cycle);
                    } finally {
                        counters.inFlight.decrementAndGet();
                    }
                });
            }
            loading.set(false);
            sampler.join();
            sample(probe, counters, start, samples, csv);
            long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (counters.inFlight.get() > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            if (probe != null) {
                probe.liveHeapKb();
            }
            for (int i = 0; i < AFTER_CYCLES; i++) {
                churn.run(n++);
            }
            return SoakReport.of(options, counters, samples, (System.nanoTime() - start) / 1e9);
        } finally {
            if (csv != null) {
                csv.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Takes one sample. Not synchronized: the caller's thread and the sampler never sample at the
     * same time (see {@link #run()}), and a lock would be held across the probe's blocking jcmd
     * and /proc reads.
     */
    private void sample(HeapProbe probe, SoakCounters c, long start, List<SoakSample> samples, Writer csv)
            throws IOException, InterruptedException {
        double elapsed = (System.nanoTime() - start) / 1e9;
        long heap = -1;
        long rss = -1;
        long fds = -1;
        long threads = -1;
        if (probe != null) {
            heap = probe.liveHeapKb();
            rss = probe.rssKb();
            fds = probe.openFds();
            threads = probe.threads();
        }
        SoakSample s = new SoakSample(elapsed, heap, rss, fds, threads, c.cycles.sum(), c.connections.sum(),
                c.requests.sum(), c.drops.sum(), c.restores.sum(), c.expectedTotal(), c.errors.sum(),
                c.inFlight.get(), c.skipped.sum());
        samples.add(s);
        if (csv != null) {
            csv.write(s.csv() + "\n");
            csv.flush();
        }
        progress.printf(java.util.Locale.ROOT, "soak %6.0fs  live heap %,8d KB  rss %,8d KB  fds %4d  cycles %,9d"
                        + "  requests %,10d  errors %d  expected %d%n", elapsed, heap, rss, fds, s.cycles(),
                s.requests(), s.errors(), s.expectedErrors());
    }

    /** Parks until {@code deadline} (System.nanoTime), or soon after {@code running} turns false. */
    private static void waitUntil(long deadline, AtomicBoolean running) {
        for (long left = deadline - System.nanoTime(); left > 0 && running.get(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
        }
    }
}
