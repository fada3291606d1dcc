package io.tether.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One load run: connect, wait for every greeting, warm up, measure for a duration or a
 * request count, stop sending, drain briefly, close. Every wait is bounded.
 */
public final class LoadRun {
    private static final long READY_TIMEOUT_MS = 30_000;
    private static final long DRAIN_MS = 1_000;

    private final LoadOptions options;
    private final Transports transports;

    /** A run of these options over the generator's default transport (epoll where available, else NIO). */
    public LoadRun(LoadOptions options) {
        this(options, null);
    }

    /**
     * A run of these options over the client transport {@code transport} ({@code epoll},
     * {@code io_uring}, {@code nio}; {@code null} or {@code auto}: epoll where available, else NIO).
     *
     * @throws IllegalArgumentException for an unknown transport or one not available here
     */
    public LoadRun(LoadOptions options, String transport) {
        this.options = options;
        this.transports = Transports.named(transport);
    }

    /** Runs and returns the result. */
    public LoadResult run() throws InterruptedException {
        EventLoopGroup group = transports.group(options.threads());
        LoadStats stats = new LoadStats(options.requests());
        try {
            Connector connector = new Connector(options, group, transports, stats, options.connections());
            List<Channel> channels = connector.connect(options.connections());
            connector.awaitReady(READY_TIMEOUT_MS);
            long start = System.nanoTime() + options.warmup().toNanos();
            stats.startMeasuring(start);
            connector.startAll(channels);
            sleepNanos(start - System.nanoTime());
            ProcessSample server0 = ProcessSample.of(options.pids());
            ProcessSample self0 = ProcessSample.self();
            measure(stats);
            ProcessSample server1 = ProcessSample.of(options.pids());
            ProcessSample self1 = ProcessSample.self();
            Thread.sleep(Math.min(DRAIN_MS, 100 + options.connections()));
            channels.forEach(Channel::close);
            return result(stats, server0, server1, self1.cpuPercentSince(self0), transports, connector);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private void measure(LoadStats stats) throws InterruptedException {
        Duration d = options.duration();
        if (options.requests() > 0) {
            stats.done().await(d.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            sleepNanos(d.toNanos());
        }
        stats.endMeasuring(System.nanoTime());
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    private LoadResult result(LoadStats stats, ProcessSample s0, ProcessSample s1, double selfCpu,
                              Transports transports, Connector connector) {
        double seconds = (stats.measureEnd() - stats.measureStart()) / 1e9;
        Histogram h = stats.histogram();
        long failures = stats.failures() + stats.unmatchedCount() + connector.notReady();
        String note = connector.notReady() > 0
                ? connector.notReady() + " connections not greeted in time; " + stats.firstFailure()
                : stats.firstFailure();
        if (stats.unmatchedCount() > 0) {
            note = stats.unmatchedCount() + " unmatched replies; " + note;
        }
        return new LoadResult("load", label(), options.connections(), options.depth(), seconds, stats.completed(),
                stats.errors(), failures, stats.completed() / seconds, us(h.getValueAtPercentile(50)),
                us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)),
                us(h.getMaxValue()), s1.cpuPercentSince(s0), s1.available() ? s1.rssKb() : -1, -1, -1, 0, selfCpu,
                transports.name() + (options.tls() ? "+tls" : "")
                        + (options.webSocketPath() != null ? "+ws" : ""), note);
    }

    String label() {
        return switch (options.protocol()) {
            case SOCKET -> "socket " + (options.json() ? "json " : "") + options.request();
            case JSTP -> "jstp " + options.app() + "/" + options.iface() + "." + options.request();
            case PRIMUS -> "primus action " + options.request();
            case REDIS -> "redis PING";
        };
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }
}
