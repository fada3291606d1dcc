package io.tether.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tether.api.Action;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.action.ActionMeter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The per-action meters export exactly what Micrometer's own meters with the same names, tags
 * and buckets would (the exposition users' dashboards read), and lose nothing when many
 * threads record at once.
 */
class ActionTimersTest {
    private static final long[] DURATIONS = {0, 999_999, 1_000_000, 1_000_001, 7_000_000, 250_000_000,
        2_500_000_000L, 9_000_000_000L, 10_000_000_001L, 42_000};

    private static Action action(String name) {
        return Action.named(name).handler(ctx -> Map.of()).build();
    }

    private static List<String> lines(String scrape, String prefix) {
        return scrape.lines().filter(l -> l.startsWith(prefix) || l.startsWith("# HELP " + prefix)
                || l.startsWith("# TYPE " + prefix)).sorted().collect(Collectors.toList());
    }

    @Test
    void theExpositionIsMicrometersTimerAndCounters() {
        PrometheusMeterRegistry micrometer = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer ok = timer(micrometer, "greet", "ok");
        Timer validation = timer(micrometer, "greet", "validation");
        for (String outcome : ActionTimers.OUTCOMES) {
            timer(micrometer, "greet", outcome);
        }
        Counter validationFailures = Counter.builder("tether.action.validation.failures")
                .description("Action requests refused because a param was missing or invalid")
                .tag("action", "greet").register(micrometer);
        Counter okRuns = runs(micrometer, "ok");
        Counter failedRuns = runs(micrometer, "application_error");

        try (TetherMetrics metrics = new TetherMetrics()) {
            ActionMeter.Probe probe = metrics.actionMeter().probe(action("greet"));
            long now = System.nanoTime();
            for (long d : DURATIONS) {
                probe.record(null, now - d, now, true);
                ok.record(d, TimeUnit.NANOSECONDS);
                okRuns.increment();
            }
            probe.handledLate(null); // a success after its deadline answered: a run, not a second timing
            okRuns.increment();
            probe.record(new TetherException(ErrorCode.PARAM_REQUIRED, "x"), now - 3_000_000, now, false);
            validation.record(3_000_000, TimeUnit.NANOSECONDS);
            validationFailures.increment();
            probe.record(new TetherException(ErrorCode.APPLICATION_ERROR, "x"), now - 5, now, true);
            timer(micrometer, "greet", "error").record(5, TimeUnit.NANOSECONDS);
            failedRuns.increment();

            String expected = micrometer.scrape();
            String actual = metrics.scrape();
            for (String family : List.of("tether_action_duration_seconds", "tether_actions_total",
                    "tether_action_validation_failures_total")) {
                assertThat(lines(actual, family)).as(family).isNotEmpty().isEqualTo(lines(expected, family));
            }
            assertThat(actual).contains("tether_action_duration_seconds_count{action=\"greet\",outcome=\"ok\"} 10")
                    .contains("tether_action_duration_seconds_max{action=\"greet\",outcome=\"ok\"} 10.000000001")
                    .contains("tether_actions_total{action=\"greet\",outcome=\"ok\"} 11.0");
        }
    }

    @Test
    void aRunsSeriesAppearsWithItsFirstRunAndVersionsShareTheirMeters() {
        try (TetherMetrics metrics = new TetherMetrics()) {
            ActionMeter.Probe v1 = metrics.actionMeter().probe(action("greet"));
            ActionMeter.Probe v2 = metrics.actionMeter().probe(Action.named("greet").version(2)
                    .handler(ctx -> Map.of()).build());
            assertThat(metrics.scrape()).contains("tether_action_duration_seconds_count{action=\"greet\",outcome=\"ok\"} 0")
                    .doesNotContain("tether_actions_total{");
            long now = System.nanoTime();
            v1.record(null, now - 10, now, true);
            v2.record(null, now - 10, now, true);
            v2.record(new TetherException(ErrorCode.ACTION_TIMEOUT, "late"), now - 10, now, false);
            assertThat(metrics.scrape())
                    .contains("tether_action_duration_seconds_count{action=\"greet\",outcome=\"ok\"} 2")
                    .contains("tether_action_duration_seconds_count{action=\"greet\",outcome=\"timeout\"} 1")
                    .contains("tether_actions_total{action=\"greet\",outcome=\"ok\"} 2.0")
                    .doesNotContain("outcome=\"action_timeout\"");
            v2.handledLate(new TetherException(ErrorCode.ACTION_TIMEOUT, "interrupted"));
            assertThat(metrics.scrape()).contains("tether_actions_total{action=\"greet\",outcome=\"action_timeout\"} 1.0");
        }
    }

    @Test
    void concurrentRecordsAreAllCounted() throws Exception {
        try (TetherMetrics metrics = new TetherMetrics()) {
            ActionMeter.Probe probe = metrics.actionMeter().probe(action("greet"));
            int threads = 8;
            int each = 50_000;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> all = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean virtual = t % 2 == 0;
                Runnable body = () -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        long now = System.nanoTime();
                        probe.record(null, now - 2_000_000, now, true); // the 5 ms bucket, 2 ms each
                    }
                };
                all.add(virtual ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body));
            }
            start.countDown();
            for (Thread t : all) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            long n = (long) threads * each;
            assertThat(metrics.scrape())
                    .contains("tether_action_duration_seconds_count{action=\"greet\",outcome=\"ok\"} " + n)
                    .contains("tether_action_duration_seconds_bucket{action=\"greet\",outcome=\"ok\",le=\"0.001\"} 0")
                    .contains("tether_action_duration_seconds_bucket{action=\"greet\",outcome=\"ok\",le=\"0.005\"} " + n)
                    .contains("tether_action_duration_seconds_sum{action=\"greet\",outcome=\"ok\"} " + (n * 0.002))
                    .contains("tether_action_duration_seconds_max{action=\"greet\",outcome=\"ok\"} 0.002")
                    .contains("tether_actions_total{action=\"greet\",outcome=\"ok\"} " + (double) n);
        }
    }

    @Test
    void theMaximumCoversTheLastTwoMinutes() {
        long t0 = 1_000_000_000_000L;
        DurationHistogram h = new DurationHistogram(new long[] {1_000}, t0);
        h.record(500, t0);
        h.record(300, t0 + TimeUnit.SECONDS.toNanos(50)); // after the first rotation (40 s)
        assertThat(h.maxNanos(t0 + TimeUnit.SECONDS.toNanos(60))).isEqualTo(500);
        assertThat(h.maxNanos(t0 + TimeUnit.SECONDS.toNanos(119))).isEqualTo(500);
        assertThat(h.maxNanos(t0 + TimeUnit.SECONDS.toNanos(121))).as("500 expired, 300 not").isEqualTo(300);
        assertThat(h.maxNanos(t0 + TimeUnit.SECONDS.toNanos(600))).as("nothing recent").isZero();
        h.record(-1, t0 + TimeUnit.SECONDS.toNanos(600));
        assertThat(h.count()).isEqualTo(2);
        assertThat(h.counts()).containsExactly(2, 0);
    }

    private static Timer timer(PrometheusMeterRegistry registry, String action, String outcome) {
        return Timer.builder("tether.action.duration")
                .description("Action runs from admission to outcome, by action and outcome")
                .tag("action", action).tag("outcome", outcome)
                .serviceLevelObjectives(ActionTimers.BUCKETS).register(registry);
    }

    private static Counter runs(PrometheusMeterRegistry registry, String outcome) {
        return Counter.builder("tether.actions").description("Action runs by action and outcome")
                .tag("action", "greet").tag("outcome", outcome).register(registry);
    }
}
