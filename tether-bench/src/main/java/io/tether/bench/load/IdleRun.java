package io.tether.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Idle mode: samples the server's RSS, opens and greets connections (JSTP connections
 * complete their handshake, socket ones receive the welcome), holds them, samples again and
 * reports the growth per connection. With {@link LoadOptions#idleWarmup()} W &gt; 0 it first
 * opens and holds W connections and samples there, so the result is the marginal cost of
 * the {@link LoadOptions#idle()} connections after it, without the server's one-time costs
 * (code compiled and classes loaded for the connection path, pools and heap first touched);
 * the growth from the fresh server is reported too. With {@link LoadOptions#idleCalls()} N &gt; 0
 * each measured connection makes N requests, one at a time, before it is held.
 */
public final class IdleRun {
    private static final long READY_TIMEOUT_MS = 120_000;

    private final LoadOptions options;
    private final Transports transports;

    /** A run of these options over the generator's default transport (epoll where available, else NIO). */
    public IdleRun(LoadOptions options) {
        this(options, null);
    }

    /**
     * A run of these options over the client transport {@code transport} ({@code epoll},
     * {@code io_uring}, {@code nio}; {@code null} or {@code auto}: epoll where available, else NIO).
     *
     * @throws IllegalArgumentException for an unknown transport or one not available here
     */
    public IdleRun(LoadOptions options, String transport) {
        this.options = options;
        this.transports = Transports.named(transport);
    }

    /** Runs and returns the result; {@link LoadResult#completed()} is the number of connections held. */
    public LoadResult run() throws InterruptedException {
        int warm = options.idleWarmup();
        int total = warm + options.idle();
        long maxFiles = ProcessSample.openFilesLimit();
        if (maxFiles > 0 && total + 64 > maxFiles) {
            throw new IllegalArgumentException("--idle " + options.idle() + " with --idle-warmup " + warm
                    + " needs more open files than this process may have (" + maxFiles
                    + "): raise ulimit -n in the generator and the server");
        }
        EventLoopGroup group = transports.group(options.threads());
        LoadStats stats = new LoadStats(0);
        List<Channel> channels = new ArrayList<>(total);
        try {
            ProcessSample fresh = ProcessSample.of(options.pids());
            long notReady = 0;
            if (warm > 0) {
                Connector warmup = new Connector(options, group, transports, stats, warm, 0, total);
                channels.addAll(warmup.connect(warm));
                warmup.awaitReady(READY_TIMEOUT_MS);
                notReady += warmup.notReady();
                Thread.sleep(options.hold().toMillis());
            }
            ProcessSample before = ProcessSample.of(options.pids());
            ProcessSample self0 = ProcessSample.self();
            long t0 = System.nanoTime();
            Connector connector = new Connector(options, group, transports, stats, options.idle(), warm, total);
            List<Channel> measured = connector.connect(options.idle());
            channels.addAll(measured);
            connector.awaitReady(READY_TIMEOUT_MS);
            notReady += connector.notReady();
            if (options.idleCalls() > 0) {
                notReady += connector.callAll(measured, options.idleCalls(), READY_TIMEOUT_MS);
            }
            Thread.sleep(options.hold().toMillis());
            ProcessSample after = ProcessSample.of(options.pids());
            long held = measured.stream().filter(Channel::isActive).count();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double selfCpu = ProcessSample.self().cpuPercentSince(self0);
            stats.endMeasuring(System.nanoTime());
            long failures = stats.failures() + notReady;
            String note = notReady > 0 ? notReady + " connections not greeted (or answered) in time; " + stats.firstFailure()
                    : stats.firstFailure();
            return new LoadResult("idle", label(), options.idle(), 0, seconds, held, 0, failures, 0, 0, 0, 0, 0,
                    0, after.cpuPercentSince(before), after.available() ? after.rssKb() : -1,
                    before.available() ? before.rssKb() : -1, fresh.available() ? fresh.rssKb() : -1, warm,
                    selfCpu, transports.name() + (options.tls() ? "+tls" : "")
                        + (options.webSocketPath() != null ? "+ws" : ""), note);
        } finally {
            channels.forEach(Channel::close);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        }
    }

    private String label() {
        return options.protocol().name().toLowerCase(java.util.Locale.ROOT);
    }
}
