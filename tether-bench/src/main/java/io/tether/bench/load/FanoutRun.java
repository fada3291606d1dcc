package io.tether.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * One room fan-out run: connect every member (in batches), wait until each joined its room,
 * let the subscriptions settle, send with the senders through the warm-up and the measured
 * window, stop, drain, read every connection's counters on its own loop, close. Every wait is
 * bounded.
 */
public final class FanoutRun {
    private static final int BATCH = 500;
    private static final long CONNECT_TIMEOUT_MS = 30_000;
    private static final long JOIN_TIMEOUT_MS = 60_000;
    private static final long SETTLE_MS = 500;
    /** Longest wait for the window's messages after it ended; also ends once nothing arrived for {@link #QUIET_MS}. */
    private static final long DRAIN_MS = 15_000;
    private static final long QUIET_MS = 2_000;

    private final FanoutOptions options;
    private final Transports transports;

    /** A run of these options over the generator's default transport (epoll where available, else NIO). */
    public FanoutRun(FanoutOptions options) {
        this(options, null);
    }

    /**
     * A run of these options over the client transport {@code transport} ({@code epoll},
     * {@code io_uring}, {@code nio}; {@code null} or {@code auto}: epoll where available, else NIO).
     *
     * @throws IllegalArgumentException for an unknown transport or one not available here
     */
    public FanoutRun(FanoutOptions options, String transport) {
        this.options = options;
        this.transports = Transports.named(transport);
    }

    /** Runs and returns the result. */
    public FanoutResult run() throws InterruptedException {
        EventLoopGroup group = transports.group(options.threads());
        FanoutPhase phase = new FanoutPhase();
        int n = options.connections();
        CountDownLatch joined = new CountDownLatch(n);
        int totalSenders = options.rooms() * options.senders();
        long interval = options.sendRate() > 0 ? Math.max(1, Math.round(totalSenders * 1e9 / options.sendRate())) : 0;
        int buckets = FanoutTimeline.buckets(options.duration().toNanos());
        List<Channel> channels = new ArrayList<>(n);
        List<FanoutHandler> handlers = new ArrayList<>(n);
        FanoutLatencies latencies = new FanoutLatencies(buckets);
        Channel[] channelOf = new Channel[n];
        try {
            boolean[][] probes = new boolean[options.rooms()][];
            for (int r = 0; r < options.rooms(); r++) {
                probes[r] = options.probesOf(r);
            }
            for (int from = 0; from < n; from += BATCH) {
                List<ChannelFuture> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(n, from + BATCH); i++) {
                    int r = i % options.rooms();
                    int j = i / options.rooms();
                    FanoutHandler h = new FanoutHandler(i, options.room(r), j < options.senders(), phase, joined,
                            options.depth(), interval, options.messageBytes(), latencies, probes[r][j]);
                    handlers.add(h);
                    batch.add(bootstrap(group, transports, h).connect(options.host(), options.portOf(r, j)));
                }
                for (int k = 0; k < batch.size(); k++) {
                    ChannelFuture f = batch.get(k);
                    if (f.await(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS) && f.isSuccess()) {
                        channels.add(f.channel());
                        channelOf[from + k] = f.channel();
                    } else {
                        phase.failure("connect failed: " + f.cause());
                        joined.countDown();
                    }
                }
            }
            joined.await(JOIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Thread.sleep(SETTLE_MS); // a node may subscribe to a room's channel just after the join's reply
            long now = System.nanoTime();
            long start = now + options.warmup().toNanos();
            long end = start + options.duration().toNanos();
            long startEpochMillis = System.currentTimeMillis() + options.warmup().toMillis();
            phase.window(start, end);
            FanoutLoopLag lag = new FanoutLoopLag(group, phase, buckets);
            for (int i = 0; i < handlers.size(); i++) {
                FanoutHandler h = handlers.get(i);
                long first = interval == 0 ? now : now + interval * (i % Math.max(1, totalSenders)) / totalSenders;
                Channel ch = channelOf[i];
                if (ch != null) {
                    ch.eventLoop().execute(() -> h.start(first));
                }
            }
            sleepNanos(start - System.nanoTime());
            List<ProcessSample> servers0 = samples();
            ProcessSample self0 = ProcessSample.self();
            sleepNanos(end - System.nanoTime());
            phase.stop(end); // before sampling: senders stop; a message stamped after the end is neither counted nor owed
            List<ProcessSample> servers1 = samples();
            ProcessSample self1 = ProcessSample.self();
            drain(phase);
            List<FanoutHandler.Counts> counts = collect(channels);
            long[] worstLag = new long[buckets];
            Histogram loopLag = lag.collect(worstLag);
            long[] worstLatency = new long[buckets];
            Histogram all = latencies.collect(worstLatency);
            FanoutTimeline.print(System.err, startEpochMillis, worstLatency, worstLag);
            channels.forEach(Channel::close);
            return result(phase, counts, (end - start) / 1e9, servers0, servers1, self1.cpuPercentSince(self0),
                    transports, n - channels.size() + joined.getCount(), all, loopLag);
        } finally {
            phase.stop(Math.min(phase.measureEnd(), System.nanoTime()));
            channels.forEach(Channel::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** Waits until every member received the window's messages, nothing arrives any more, or the cap. */
    private void drain(FanoutPhase phase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MS);
        long owed = phase.owed(options.members());
        long quietSince = System.nanoTime();
        Thread.sleep(100);
        while (owed > 0 && System.nanoTime() < deadline
                && System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
            Thread.sleep(100);
            long now = phase.owed(options.members());
            if (now < owed) {
                quietSince = System.nanoTime();
            }
            owed = now;
        }
    }

    private Bootstrap bootstrap(EventLoopGroup group, Transports transports, FanoutHandler handler) {
        return new Bootstrap().group(group).channel(transports.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(handler);
                    }
                });
    }

    private List<ProcessSample> samples() {
        List<ProcessSample> out = new ArrayList<>(options.pids().size());
        for (long pid : options.pids()) {
            out.add(ProcessSample.of(List.of(pid)));
        }
        return out;
    }

    /** Reads each connection's counters on its event loop (which also publishes them to this thread). */
    private static List<FanoutHandler.Counts> collect(List<Channel> channels) throws InterruptedException {
        List<FanoutHandler.Counts> out = new ArrayList<>(channels.size());
        for (Channel ch : channels) {
            FanoutHandler h = ch.pipeline().get(FanoutHandler.class);
            if (h == null) {
                continue;
            }
            try {
                out.add(ch.eventLoop().submit(h::snapshot).get(10, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot read the counters of a connection", e);
            }
        }
        return out;
    }

    private FanoutResult result(FanoutPhase phase, List<FanoutHandler.Counts> counts, double seconds,
                                List<ProcessSample> s0, List<ProcessSample> s1, double selfCpu,
                                Transports transports, long notJoined, Histogram all, Histogram loopLag) {
        long delivered = 0;
        long deliveredOfWindow = 0;
        long sent = 0;
        long sayErrors = 0;
        String sayError = "";
        for (FanoutHandler.Counts c : counts) {
            delivered += c.delivered();
            deliveredOfWindow += c.deliveredOfWindow();
            sent += c.sentInWindow();
            sayErrors += c.sayErrors();
            if (sayError.isEmpty()) {
                sayError = c.firstError();
            }
        }
        List<Double> pidCpu = new ArrayList<>(s0.size());
        double serverCpu = 0;
        long rss = 0;
        boolean available = !s0.isEmpty();
        for (int i = 0; i < s0.size(); i++) {
            double cpu = s1.get(i).cpuPercentSince(s0.get(i));
            pidCpu.add(cpu);
            serverCpu += cpu;
            rss += s1.get(i).rssKb();
            available &= s1.get(i).available();
        }
        long expected = sent * options.members();
        String note = phase.firstFailure();
        if (notJoined > 0) {
            note = notJoined + " connections did not join; " + note;
        }
        if (!sayError.isEmpty()) {
            note = (note.isEmpty() ? "" : note + "; ") + "say: " + sayError;
        }
        LoadResult base = new LoadResult("fanout", options.label(), options.connections(), options.depth(), seconds,
                delivered, sayErrors, phase.failures() + notJoined, delivered / seconds,
                us(all.getValueAtPercentile(50)), us(all.getValueAtPercentile(90)), us(all.getValueAtPercentile(99)),
                us(all.getValueAtPercentile(99.9)), us(all.getMaxValue()), available ? serverCpu : -1,
                available ? rss : -1, -1, -1, 0, selfCpu, transports.name(), note);
        return new FanoutResult(base, options.rooms(), options.members(), options.senders(), options.ports().size(),
                options.sendRate(), sent, sent / seconds, expected, Math.max(0, expected - deliveredOfWindow),
                pidCpu, us(loopLag.getValueAtPercentile(99)), us(loopLag.getMaxValue()));
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }
}
