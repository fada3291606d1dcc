package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One member connection of a fan-out run: after the welcome line it joins its room
 * ({@code roomAdd}), then records the delivery latency of every room message it receives in
 * the measured window (receive time − the send time in the text). A sender also sends {@code say} lines: at a fixed
 * rate (each stamped with its intended send time, so a lagging server or generator shows as
 * latency instead of a lower rate), or, without a rate, keeping {@code depth} messages in flight,
 * one done when its own copy comes back. Runs only on its channel's event loop; the counters are
 * read through {@link #snapshot()} on that loop.
 */
final class FanoutHandler extends ChannelInboundHandlerAdapter {
    /** Messages one rate tick may send at most before yielding the loop. */
    private static final int MAX_BURST = 256;

    private final int index;
    private final String room;
    private final boolean sender;
    private final boolean probe;
    private final FanoutPhase phase;
    private final CountDownLatch joined;
    private final byte[] sayPrefix;
    private final int minText;
    private final int depth;
    private final long intervalNanos;
    private final FrameBuffer frames = new FrameBuffer((byte) '\n', 1024 * 1024);
    private final FanoutLine line = new FanoutLine();
    private final FanoutLatencies latencies;
    private FanoutLatencies.Recorder recorder; // its loop's, from channelActive
    private ChannelHandlerContext ctx;
    private boolean greeted;
    private boolean member;
    private boolean sending;
    private boolean settled;
    private long readAt;
    private long nextStamp;
    private int inFlight;
    private long delivered;
    private long deliveredOfWindow;
    private long sentInWindow;
    private long sayErrors;
    private String firstError = "";

    /**
     * @param index         this connection's global index (carried in its messages)
     * @param room          the room it joins
     * @param sender        whether it sends
     * @param intervalNanos rate mode: time between two of its messages; 0 = max mode
     * @param latencies     where a probe records (its loop's recorder)
     * @param probe         whether its latencies are recorded (else it only counts deliveries)
     */
    FanoutHandler(int index, String room, boolean sender, FanoutPhase phase, CountDownLatch joined, int depth,
                  long intervalNanos, int minText, FanoutLatencies latencies, boolean probe) {
        this.probe = probe;
        this.latencies = latencies;
        this.index = index;
        this.room = room;
        this.sender = sender;
        this.phase = phase;
        this.joined = joined;
        this.depth = depth;
        this.intervalNanos = intervalNanos;
        this.minText = minText;
        this.sayPrefix = ("say " + room + " ").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        recorder = latencies.of(context.executor());
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf read = (ByteBuf) msg;
        readAt = System.nanoTime();
        try {
            frames.append(read);
        } finally {
            read.release();
        }
        if (!frames.drain(this::onLine)) {
            fail("a line over 1 MiB");
        }
    }

    private void onLine(byte[] b, int from, int to) {
        if (!greeted) { // the welcome line
            greeted = true;
            ctx.writeAndFlush(ctx.alloc().heapBuffer().writeBytes(("roomAdd " + room + "\n")
                    .getBytes(StandardCharsets.UTF_8)), ctx.voidPromise());
            return;
        }
        if (member && !sender && !probe) { // after the join it receives only room messages: the stamp is enough
            long stamp = FanoutLine.stampOf(b, from, to);
            if (stamp >= 0) {
                received(stamp, -1);
            }
            return;
        }
        FanoutLine.Kind kind = line.parse(b, from, to);
        if (!member) {
            if (kind == FanoutLine.Kind.OK) {
                member = true;
                settled();
            } else if (kind == FanoutLine.Kind.ERROR) {
                settled();
                fail("roomAdd " + room + ": " + new String(b, from, to - from, StandardCharsets.UTF_8));
            }
            return;
        }
        switch (kind) {
            case MESSAGE -> received(line.stamp(), line.sender());
            case ERROR -> {
                sayErrors++;
                if (firstError.isEmpty()) {
                    firstError = new String(b, from, Math.min(to - from, 200), StandardCharsets.UTF_8);
                }
                if (intervalNanos == 0 && inFlight > 0) {
                    inFlight--;
                }
            }
            default -> { } // a say's OK, anything else
        }
    }

    private void received(long stamp, long from) {
        if (from == index && intervalNanos == 0 && inFlight > 0) {
            inFlight--;
        }
        long start = phase.measureStart();
        long end = phase.measureEnd();
        if (stamp >= start && stamp < end) {
            deliveredOfWindow++;
            phase.deliveredOfWindow();
        }
        if (readAt >= start && readAt <= end) { // by arrival: the rate and latencies of the steady state
            delivered++;
            if (!probe) {
                return;
            }
            recorder.record(Math.max(0, readAt - stamp), readAt, start);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (sending && intervalNanos == 0) {
            topUp();
        }
        context.fireChannelReadComplete();
    }

    /** Starts sending (senders only); rate mode's first message is due at {@code firstStamp}. Event loop only. */
    void start(long firstStamp) {
        if (!sender || !member) {
            return;
        }
        sending = true;
        if (intervalNanos == 0) {
            topUp();
        } else {
            nextStamp = firstStamp;
            ctx.executor().schedule(this::tick, Math.max(0, firstStamp - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void topUp() {
        if (phase.stopping() || !ctx.channel().isActive() || inFlight >= depth) {
            return;
        }
        ByteBuf out = ctx.alloc().heapBuffer(64 * (depth - inFlight));
        long now = System.nanoTime();
        while (inFlight < depth) {
            say(out, now);
            inFlight++;
        }
        ctx.writeAndFlush(out, ctx.voidPromise());
    }

    private void tick() {
        if (phase.stopping() || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        ByteBuf out = null;
        for (int n = 0; nextStamp <= now && n < MAX_BURST; n++) {
            if (out == null) {
                out = ctx.alloc().heapBuffer(64);
            }
            say(out, nextStamp);
            nextStamp += intervalNanos;
        }
        if (out != null) {
            ctx.writeAndFlush(out, ctx.voidPromise());
        }
        ctx.executor().schedule(this::tick, Math.max(0, nextStamp - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void say(ByteBuf out, long stamp) {
        FanoutLine.writeSay(out, sayPrefix, stamp, index, minText);
        if (stamp >= phase.measureStart() && stamp < phase.measureEnd()) {
            sentInWindow++;
            phase.sentInWindow();
        }
    }

    /** The join is decided (joined, refused or the connection is gone): counts down once. */
    private void settled() {
        if (!settled) {
            settled = true;
            joined.countDown();
        }
    }

    private void fail(String why) {
        phase.failure(why);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!phase.stopping()) {
            phase.failure("connection " + index + " closed by the server");
        }
        settled();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        phase.failure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        context.close();
    }

    /** This connection's counters (its latencies are its loop's, in {@link FanoutLatencies}); call on its event loop. */
    Counts snapshot() {
        return new Counts(delivered, deliveredOfWindow, sentInWindow, sayErrors, firstError, member);
    }

    /**
     * One connection's results.
     *
     * @param delivered         messages received in the window
     * @param deliveredOfWindow messages sent in the window and received by the end of the drain
     * @param sentInWindow      messages this connection sent in the window
     * @param sayErrors         error replies to its {@code say} lines
     * @param firstError        the first of them, or empty
     * @param member            whether it joined its room
     */
    record Counts(long delivered, long deliveredOfWindow, long sentInWindow, long sayErrors, String firstError,
                  boolean member) {
    }
}
