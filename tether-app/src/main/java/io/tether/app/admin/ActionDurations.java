package io.tether.app.admin;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code tether_action_duration_seconds{action, outcome}} as the Prometheus registry scrapes
 * it: a histogram family ({@code _bucket}, {@code _count}, {@code _sum}) and its
 * {@code _max} gauge, exactly as Micrometer exports a {@code Timer} with these service-level
 * buckets, read from {@link DurationHistogram}s that the action probes record into.
 */
final class ActionDurations implements MultiCollector {
    static final String NAME = "tether_action_duration_seconds";
    static final String MAX = NAME + "_max";
    static final String HELP = "Action runs from admission to outcome, by action and outcome";

    private final long[] boundsNanos;
    /** The bucket bounds in seconds, {@code +Inf} last. */
    private final double[] boundsSeconds;
    private final List<Series> series = new CopyOnWriteArrayList<>();

    private record Series(Labels labels, DurationHistogram histogram) {
    }

    ActionDurations(Duration[] buckets) {
        boundsNanos = new long[buckets.length];
        boundsSeconds = new double[buckets.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            boundsNanos[i] = buckets[i].toNanos();
            boundsSeconds[i] = seconds(boundsNanos[i]);
        }
        boundsSeconds[buckets.length] = Double.POSITIVE_INFINITY;
    }

    /** Nanoseconds as seconds, the way Micrometer converts them. */
    static double seconds(double nanos) {
        return nanos / 1e9;
    }

    /** A new series of {@code action} and {@code outcome}, exported from now on (at zero). */
    DurationHistogram add(String action, String outcome) {
        DurationHistogram h = new DurationHistogram(boundsNanos, System.nanoTime());
        series.add(new Series(Labels.of("action", action, "outcome", outcome), h));
        return h;
    }

    @Override
    public MetricSnapshots collect() {
        if (series.isEmpty()) {
            return new MetricSnapshots();
        }
        long now = System.nanoTime();
        List<HistogramSnapshot.HistogramDataPointSnapshot> points = new ArrayList<>(series.size());
        List<GaugeSnapshot.GaugeDataPointSnapshot> maxima = new ArrayList<>(series.size());
        for (Series s : series) {
            DurationHistogram h = s.histogram();
            points.add(new HistogramSnapshot.HistogramDataPointSnapshot(
                    ClassicHistogramBuckets.of(boundsSeconds, h.counts()), seconds(h.sumNanos()), s.labels(),
                    Exemplars.EMPTY, 0L));
            maxima.add(new GaugeSnapshot.GaugeDataPointSnapshot(seconds(h.maxNanos(now)), s.labels(), null));
        }
        return new MetricSnapshots(new HistogramSnapshot(new MetricMetadata(NAME, HELP), points),
                new GaugeSnapshot(new MetricMetadata(MAX, HELP), maxima));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(NAME, MAX);
    }
}
