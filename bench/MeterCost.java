import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tether.api.Action;
import io.tether.app.admin.TetherMetrics;
import io.tether.core.action.ActionMeter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and allocation of recording one action run, per recording scheme:
 * <ul>
 *   <li>none: the loop alone (a volatile write);</li>
 *   <li>clock: the loop and one {@link System#nanoTime()} read (the old scheme read the clock once
 *       more per run; the probe uses the pipeline's readings);</li>
 *   <li>micrometer: what the app did before (a Micrometer {@code Timer} with the 12 service-level
 *       buckets, plus a {@code Counter} found by action name in a map, as the old counter
 *       middleware did; without that scheme's extra clock read and middleware dispatch);</li>
 *   <li>probe: the app's action probe today ({@code TetherMetrics.actionMeter()}).</li>
 * </ul>
 * Each thread's own CPU time is measured (not wall time), so a busy machine preempting the
 * threads does not count. Run with the runnable server's jar on the class path:
 * <pre>
 *   java -XX:+UseSerialGC -cp tether-demo/target/tether.jar bench/MeterCost.java
 * </pre>
 */
public class MeterCost {
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};
    private static final int RECORDS = 20_000_000;
    static volatile long sink;

    interface Recorder {
        void record(long startedNanos, long endedNanos);
    }

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer timer = Timer.builder("tether.action.duration").tag("action", "x").tag("outcome", "ok")
                .serviceLevelObjectives(BUCKETS).register(registry);
        Map<String, Counter> counters = new ConcurrentHashMap<>();
        Recorder micrometer = (s, e) -> {
            timer.record(e - s, TimeUnit.NANOSECONDS);
            Counter c = counters.get("x");
            (c != null ? c : counters.computeIfAbsent("x", k -> Counter.builder("tether.actions")
                    .tag("action", k).tag("outcome", "ok").register(registry))).increment();
        };
        try (TetherMetrics metrics = new TetherMetrics()) {
            ActionMeter.Probe p = metrics.actionMeter().probe(Action.named("x").handler(c -> Map.of()).build());
            Recorder probe = (s, e) -> p.record(null, s, e, true);
            Recorder none = (s, e) -> sink = e - s;
            Map<String, Recorder> schemes = new java.util.LinkedHashMap<>();
            schemes.put("none", none);
            schemes.put("clock", (s, e) -> sink = System.nanoTime() - s);
            schemes.put("micrometer", micrometer);
            schemes.put("probe", probe);
            for (int warm = 0; warm < 3; warm++) {
                for (Recorder r : schemes.values()) {
                    run(r, 1);
                }
            }
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (var s : schemes.entrySet()) {
                long before = mx.getCurrentThreadAllocatedBytes();
                long t = System.nanoTime();
                for (int j = 0; j < RECORDS; j++) {
                    s.getValue().record(t, t + 50_000 + (j & 1023));
                }
                System.out.printf("%s: %.3f B allocated per record%n", s.getKey(),
                        (double) (mx.getCurrentThreadAllocatedBytes() - before) / RECORDS);
            }
            for (int round = 1; round <= 3; round++) {
                for (int threads : new int[] {1, 2}) {
                    StringBuilder line = new StringBuilder("round " + round + ", " + threads + " thread(s):");
                    for (var s : schemes.entrySet()) {
                        line.append(String.format(" %s %.1f ns", s.getKey(), run(s.getValue(), threads)));
                    }
                    System.out.println(line + " (CPU per record)");
                }
            }
        }
    }

    /** Mean CPU nanoseconds per record of {@code threads} threads recording at once into the same meters. */
    private static double run(Recorder r, int threads) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] all = new Thread[threads];
        long[] cpu = new long[threads];
        for (int i = 0; i < threads; i++) {
            int k = i;
            all[i] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t = System.nanoTime();
                for (int j = 0; j < RECORDS; j++) {
                    r.record(t, t + 50_000 + (j & 1023));
                }
                cpu[k] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0;
            });
            all[i].start();
        }
        go.countDown();
        long sum = 0;
        for (int i = 0; i < threads; i++) {
            all[i].join();
            sum += cpu[i];
        }
        return (double) sum / threads / RECORDS;
    }
}
