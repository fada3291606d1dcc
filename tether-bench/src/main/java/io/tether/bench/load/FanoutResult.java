package io.tether.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Outcome of a fan-out run: the fields every generator mode reports ({@link LoadResult}, mode
 * {@code fanout}: {@code completed} = room messages members received in the window (by
 * arrival, so a latency longer than the window does not hide throughput), {@code rps} =
 * received per second, the percentiles = their delivery latency, {@code errors} = error
 * replies to {@code say}) plus the fan-out's own: {@code sent} counts the messages stamped
 * inside the window and {@code lost} those of their deliveries that had not arrived when the
 * drain ended (up to 15 s, or 2 s without progress).
 *
 * @param base      the common fields
 * @param rooms     rooms
 * @param members   members per room
 * @param senders   senders per room
 * @param nodes     server ports the members were spread over
 * @param sendRate  the asked send rate (messages per second), 0 = max
 * @param sent      messages sent in the window
 * @param sentRate  sent / seconds
 * @param expected  deliveries the sent messages owe (sent × members)
 * @param lost      of those, not received by the end of the drain
 * @param pidCpu    CPU of each sampled process in {@code --pid} order, percent of one core
 * @param loopLagP99us the generator's own lag, p99 (µs): how late a 1 ms task ran on its event loops in the
 *                  window ({@link FanoutLoopLag}); a delivery tail near it is the generator's
 * @param loopLagMaxUs the same, maximum (µs)
 */
public record FanoutResult(LoadResult base, int rooms, int members, int senders, int nodes, double sendRate,
                           long sent, double sentRate, long expected, long lost, List<Double> pidCpu,
                           double loopLagP99us, double loopLagMaxUs) {

    /** Freezes the CPU list. */
    public FanoutResult {
        pidCpu = List.copyOf(pidCpu);
    }

    /** Failures of the run (connects, joins, closes) and error replies to say. */
    public long failures() {
        return base.failures() + base.errors();
    }

    /** One JSON line: the common keys of every mode, then the fan-out's. */
    public String toJson() {
        String common = base.toJson();
        return common.substring(0, common.length() - 1) + String.format(Locale.ROOT,
                ",\"rooms\":%d,\"members\":%d,\"senders\":%d,\"nodes\":%d,\"sendRate\":%.1f,\"sent\":%d,"
                        + "\"sentRate\":%.1f,\"expected\":%d,\"lost\":%d,\"pidCpu\":[%s],\"loopLagP99us\":%.1f,"
                        + "\"loopLagMaxUs\":%.1f}",
                rooms, members, senders, nodes, sendRate, sent, sentRate, expected, lost,
                pidCpu.stream().map(c -> String.format(Locale.ROOT, "%.1f", c)).collect(Collectors.joining(",")),
                loopLagP99us, loopLagMaxUs);
    }

    /** A human-readable table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        row(sb, "run", base.label() + " over " + nodes + " node(s) (" + base.transport() + ")");
        row(sb, "connections", Integer.toString(base.connections()));
        row(sb, "sent (seconds)", sent + String.format(Locale.ROOT, " (%.2f s, %.0f msg/s)", base.seconds(),
                sentRate));
        row(sb, "delivered", String.format(Locale.ROOT, "%d (%.0f msg/s); lost %d of %d", base.completed(),
                base.rps(), lost, expected));
        row(sb, "latency p50/p90/p99", String.format(Locale.ROOT, "%.1f / %.1f / %.1f us", base.p50us(),
                base.p90us(), base.p99us()));
        row(sb, "latency p99.9/max", String.format(Locale.ROOT, "%.1f / %.1f us", base.p999us(), base.maxUs()));
        row(sb, "say errors", Long.toString(base.errors()));
        row(sb, "server CPU (per pid)", String.format(Locale.ROOT, "%.0f %% ", base.serverCpu()) + pidCpu);
        row(sb, "generator loop lag p99/max", String.format(Locale.ROOT, "%.1f / %.1f us", loopLagP99us,
                loopLagMaxUs));
        row(sb, "generator CPU", String.format(Locale.ROOT, "%.0f %% (100 %% = one core)", base.selfCpu()));
        row(sb, "failures", base.failures() + (base.note().isEmpty() ? "" : " (" + base.note() + ")"));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", name, value));
    }
}
