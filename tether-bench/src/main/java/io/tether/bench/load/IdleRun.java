package io.tether.bench.load;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Idle mode: samples the server's RSS, opens and greets {@code idle} connections (JSTP
 * connections complete their handshake, socket ones receive the welcome), holds them,
 * samples again and reports the growth per connection.
 */
public final class IdleRun {
    private static final long READY_TIMEOUT_MS = 120_000;

    private final LoadOptions options;

    /** An idle run of these options ({@link LoadOptions#idle()} connections). */
    public IdleRun(LoadOptions options) {
        this.options = options;
    }

    /** Runs and returns the result; {@link LoadResult#completed()} is the number of connections held. */
    public LoadResult run() throws InterruptedException {
        long maxFiles = ProcessSample.openFilesLimit();
        if (maxFiles > 0 && options.idle() + 64 > maxFiles) {
            throw new IllegalArgumentException("--idle " + options.idle() + " needs more open files than this "
                    + "process may have (" + maxFiles + "): raise ulimit -n in the generator and the server");
        }
        Transports transports = Transports.best();
        EventLoopGroup group = transports.group(options.threads());
        LoadStats stats = new LoadStats(0);
        try {
            ProcessSample before = ProcessSample.of(options.pids());
            ProcessSample self0 = ProcessSample.self();
            long t0 = System.nanoTime();
            Connector connector = new Connector(options, group, transports, stats, options.idle());
            List<Channel> channels = connector.connect(options.idle());
            connector.awaitReady(READY_TIMEOUT_MS);
            Thread.sleep(options.hold().toMillis());
            ProcessSample after = ProcessSample.of(options.pids());
            long held = channels.stream().filter(Channel::isActive).count();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double selfCpu = ProcessSample.self().cpuPercentSince(self0);
            stats.endMeasuring(System.nanoTime());
            channels.forEach(Channel::close);
            long failures = stats.failures() + connector.notReady();
            String note = connector.notReady() > 0
                    ? connector.notReady() + " connections not greeted in time; " + stats.firstFailure()
                    : stats.firstFailure();
            return new LoadResult("idle", label(), options.idle(), 0, seconds, held, 0, failures, 0, 0, 0, 0, 0,
                    0, after.cpuPercentSince(before), after.available() ? after.rssKb() : -1,
                    before.available() ? before.rssKb() : -1, selfCpu,
                    transports.name() + (options.tls() ? "+tls" : ""), note);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        }
    }

    private String label() {
        return options.protocol().name().toLowerCase(java.util.Locale.ROOT);
    }
}
