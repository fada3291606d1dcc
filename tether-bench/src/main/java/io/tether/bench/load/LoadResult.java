package io.tether.bench.load;

import java.util.Locale;

/**
 * Outcome of one run. Latencies are in microseconds; CPU in percent of one core
 * (-1 = not measured); RSS in KiB (-1 = not measured).
 *
 * @param mode          {@code load} or {@code idle}
 * @param label         protocol and request, e.g. {@code socket randomNumber}
 * @param connections   connections asked for
 * @param depth         pipelining depth
 * @param seconds       measured seconds
 * @param completed     replies counted
 * @param errors        replies that were errors
 * @param failures      failed connects, refused handshakes, unexpected closes, unmatched replies
 * @param rps           completed / seconds
 * @param p50us         median latency
 * @param p90us         90th percentile
 * @param p99us         99th percentile
 * @param p999us        99.9th percentile
 * @param maxUs         maximum latency
 * @param serverCpu     server CPU while measuring
 * @param serverRssKb   server RSS at the end (idle: after opening the connections)
 * @param serverRssBeforeKb server RSS before the measured connections (idle mode), -1 otherwise
 * @param serverRssFreshKb  server RSS before any connection, also before the warm-up ones (idle mode), -1 otherwise
 * @param idleWarmup        connections opened and held before the measured ones (idle mode)
 * @param selfCpu       the generator's own CPU while measuring
 * @param transport     client transport (epoll, nio) and TLS
 * @param note          first failure message, or empty
 */
public record LoadResult(String mode, String label, int connections, int depth, double seconds, long completed,
                         long errors, long failures, double rps, double p50us, double p90us, double p99us,
                         double p999us, double maxUs, double serverCpu, long serverRssKb, long serverRssBeforeKb,
                         long serverRssFreshKb, int idleWarmup, double selfCpu, String transport, String note) {

    /** Idle mode: RSS growth per held connection in bytes, or -1. */
    public double rssBytesPerConnection() {
        if (serverRssBeforeKb < 0 || serverRssKb < 0 || completed <= 0) {
            return -1;
        }
        return (serverRssKb - serverRssBeforeKb) * 1024.0 / completed;
    }

    /** Idle mode: RSS growth from the fresh server per connection (warm-up ones included), or -1. */
    public double rssBytesPerConnectionFresh() {
        if (serverRssFreshKb < 0 || serverRssKb < 0 || completed <= 0) {
            return -1;
        }
        return (serverRssKb - serverRssFreshKb) * 1024.0 / (completed + idleWarmup);
    }

    /** The result as one JSON object on one line. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"tetherBench\":1,\"mode\":\"%s\",\"label\":\"%s\",\"connections\":%d,"
                        + "\"depth\":%d,\"seconds\":%.3f,\"completed\":%d,\"errors\":%d,\"failures\":%d,"
                        + "\"rps\":%.1f,\"p50us\":%.1f,\"p90us\":%.1f,\"p99us\":%.1f,\"p999us\":%.1f,"
                        + "\"maxUs\":%.1f,\"serverCpu\":%.1f,\"serverRssKb\":%d,\"serverRssBeforeKb\":%d,"
                        + "\"rssBytesPerConn\":%.1f,\"serverRssFreshKb\":%d,\"idleWarmup\":%d,"
                        + "\"rssBytesPerConnFresh\":%.1f,\"selfCpu\":%.1f,\"transport\":\"%s\",\"note\":\"%s\"}",
                mode, escape(label), connections, depth, seconds, completed, errors, failures, rps, p50us, p90us,
                p99us, p999us, maxUs, serverCpu, serverRssKb, serverRssBeforeKb, rssBytesPerConnection(),
                serverRssFreshKb, idleWarmup, rssBytesPerConnectionFresh(), selfCpu,
                transport, escape(note));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A human-readable table. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        row(sb, "run", mode + " " + label + " (" + transport + ")");
        row(sb, "connections x depth", connections + " x " + depth);
        if (mode.equals("idle")) {
            row(sb, "connections held", Long.toString(completed));
            row(sb, "server RSS before/after", serverRssBeforeKb + " KiB / " + serverRssKb + " KiB");
            row(sb, "server RSS per connection", fmt("%.0f bytes", rssBytesPerConnection()));
            if (idleWarmup > 0) {
                row(sb, "warm-up connections", idleWarmup + " (RSS fresh " + serverRssFreshKb + " KiB, "
                        + fmt("%.0f bytes", rssBytesPerConnectionFresh()) + " per connection from there)");
            }
        } else {
            row(sb, "requests (seconds)", completed + " (" + fmt("%.2f", seconds) + " s)");
            row(sb, "throughput", fmt("%.0f req/s", rps));
            row(sb, "latency p50/p90/p99", fmt("%.1f / %.1f / %.1f us", p50us, p90us, p99us));
            row(sb, "latency p99.9/max", fmt("%.1f / %.1f us", p999us, maxUs));
            row(sb, "errors", Long.toString(errors));
            row(sb, "server CPU / RSS", fmt("%.0f %% / ", serverCpu) + serverRssKb + " KiB");
        }
        row(sb, "failures", failures + (note.isEmpty() ? "" : " (" + note + ")"));
        row(sb, "generator CPU", fmt("%.0f %% (100 %% = one core)", selfCpu));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", name, value));
    }

    private static String fmt(String format, Object... v) {
        return String.format(Locale.ROOT, format, v);
    }
}
