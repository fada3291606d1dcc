package io.tether.bench.soak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a soak run. It passes when the server's live heap is flat (the least-squares
 * slope of the samples taken after the warm-up is at most {@code maxSlopeKbPerMin}) and no
 * error occurred other than the ones the load provokes on purpose. Leak reports are in the
 * server's log: {@code bench/soak.sh} counts them and adds them to the verdict.
 *
 * @param options  the run's options
 * @param seconds  wall time of the run, including the cycles after its end
 * @param samples  every sample, in order
 * @param trend    the heap trend after the warm-up, or null without samples (no server pid)
 * @param counts   cycles, connections, requests, drops, restores, skipped starts, errors
 * @param expected provoked errors by kind
 * @param firstErrors the first unexpected errors
 */
public record SoakReport(SoakOptions options, double seconds, List<SoakSample> samples, HeapTrend trend,
                         Map<String, Long> counts, Map<String, Long> expected, List<String> firstErrors) {

    static SoakReport of(SoakOptions o, SoakCounters c, List<SoakSample> samples, double seconds) {
        double warmupS = o.warmup().toMillis() / 1000.0;
        List<SoakSample> window = samples.stream().filter(s -> s.elapsedS() >= warmupS && s.liveHeapKb() >= 0)
                .toList();
        HeapTrend trend = o.pid() > 0 ? HeapTrend.of(window) : null;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("cycles", c.cycles.sum());
        counts.put("socketCycles", c.socketCycles.sum());
        counts.put("jstpCycles", c.jstpCycles.sum());
        counts.put("connections", c.connections.sum());
        counts.put("requests", c.requests.sum());
        counts.put("drops", c.drops.sum());
        counts.put("restores", c.restores.sum());
        counts.put("skipped", c.skipped.sum());
        counts.put("errors", c.errors.sum());
        return new SoakReport(o, seconds, List.copyOf(samples), trend, counts, c.expectedErrors(), c.firstErrors());
    }

    /** Whether the heap was flat within the tolerance (false without samples). */
    public boolean heapFlat() {
        return trend != null && trend.slopeKbPerMin() <= options.maxSlopeKbPerMin();
    }

    /** Heap flat and no unexpected error. */
    public boolean pass() {
        return heapFlat() && counts.get("errors") == 0;
    }

    /** One JSON line, starting with {@code {"tetherSoak":1}. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tetherSoak", 1);
        m.put("seconds", Math.round(seconds * 10) / 10.0);
        m.put("rate", options.rate());
        m.put("warmupS", options.warmup().toSeconds());
        m.put("sampleEveryS", options.sampleEvery().toSeconds());
        m.put("samples", samples.size());
        if (trend != null) {
            m.put("windowSamples", trend.samples());
            m.put("slopeKbPerMin", Math.round(trend.slopeKbPerMin() * 10) / 10.0);
            m.put("maxSlopeKbPerMin", options.maxSlopeKbPerMin());
            m.put("heapFirstQuarterKb", Math.round(trend.firstQuarterKb()));
            m.put("heapLastQuarterKb", Math.round(trend.lastQuarterKb()));
            m.put("heapMinKb", trend.minKb());
            m.put("heapMaxKb", trend.maxKb());
        }
        m.putAll(counts);
        m.put("expectedErrors", expected);
        m.put("firstErrors", firstErrors);
        m.put("heapFlat", heapFlat());
        m.put("pass", pass());
        StringBuilder sb = new StringBuilder();
        json(sb, m);
        return sb.toString();
    }

    private static void json(StringBuilder sb, Object v) {
        switch (v) {
            case Map<?, ?> map -> {
                sb.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    sb.append(sep);
                    json(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    json(sb, e.getValue());
                    sep = ",";
                }
                sb.append('}');
            }
            case List<?> list -> {
                sb.append('[');
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ",");
                    json(sb, list.get(i));
                }
                sb.append(']');
            }
            case String s -> {
                sb.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
            }
            default -> sb.append(v);
        }
    }
}
