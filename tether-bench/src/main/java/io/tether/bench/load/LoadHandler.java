package io.tether.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One client connection: greets, then keeps up to {@code depth} requests in flight once
 * {@link #fill()} is first called, refilling after each batch of replies (one flush per
 * read batch). Runs only on its channel's event loop.
 */
final class LoadHandler extends ChannelInboundHandlerAdapter implements ReplySink {
    private final Dialect dialect;
    private final LoadStats stats;
    private final LoadStats.Local recorder;
    private final int depth;
    private final CountDownLatch readyLatch;
    private final LongRing inOrder;
    private final Map<Long, Long> byId = new HashMap<>();
    private final FrameBuffer frames;
    private ChannelHandlerContext ctx;
    private boolean ready;
    private boolean started;
    private long nextId = 1;
    private int inFlight;
    /** When the current read arrived: one clock read per read, shared by the replies in it. */
    private long readAt;
    /** Replies not yet recorded that share one send time (replies in a read to requests of one batch). */
    private long batchSentAt = -1;
    private int batchCount;
    private int batchErrors;
    /** Idle mode: counted down once this connection's calls are answered; null when none run. */
    private CountDownLatch callsDone;
    private int callsLeft;

    LoadHandler(Dialect dialect, LoadStats stats, int depth, CountDownLatch readyLatch) {
        this.dialect = dialect;
        this.stats = stats;
        this.recorder = stats.local();
        this.depth = depth;
        this.readyLatch = readyLatch;
        this.inOrder = new LongRing(depth);
        this.frames = new FrameBuffer(dialect.terminator(), dialect.maxFrameBytes());
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        ByteBuf greeting = dialect.greeting(context.alloc());
        if (greeting != null) {
            context.writeAndFlush(greeting);
        }
        if (dialect.readyOnConnect()) {
            ready();
        }
        context.fireChannelActive();
    }

    /** Starts (or continues) sending: tops the pipeline up to {@code depth}. Event loop only. */
    void fill() {
        started = true;
        if (!ready || !ctx.channel().isActive() || inFlight >= depth) {
            return;
        }
        long now = System.nanoTime();
        ByteBuf batch = null;
        while (inFlight < depth && stats.maySend(now)) {
            if (batch == null) {
                batch = ctx.alloc().heapBuffer(64 * (depth - inFlight)); // filled byte-wise: a heap array is cheapest
            }
            long id = nextId++;
            dialect.writeRequest(id, batch);
            if (dialect.matchesById()) {
                byId.put(id, now);
            } else {
                inOrder.add(now);
            }
            inFlight++;
        }
        if (batch != null) {
            ctx.writeAndFlush(batch, ctx.voidPromise());
        }
    }

    /**
     * Idle mode: makes {@code n} requests one after the other, then counts {@code done} down
     * (at once when the connection is not ready). Event loop only.
     */
    void calls(int n, CountDownLatch done) {
        if (!ready || !ctx.channel().isActive() || n <= 0) {
            done.countDown();
            return;
        }
        callsDone = done;
        callsLeft = n;
        sendCall();
    }

    private void sendCall() {
        ByteBuf out = ctx.alloc().heapBuffer(128);
        long id = nextId++;
        dialect.writeRequest(id, out);
        if (dialect.matchesById()) {
            byId.put(id, System.nanoTime());
        } else {
            inOrder.add(System.nanoTime());
        }
        inFlight++;
        ctx.writeAndFlush(out, ctx.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf read = (ByteBuf) msg;
        recordBatch(); // replies of an earlier read keep that read's time
        readAt = System.nanoTime();
        try {
            frames.append(read);
        } finally {
            read.release();
        }
        if (!frames.drain(this::onFrame)) {
            fatal("a frame over " + dialect.maxFrameBytes() + " bytes");
        }
    }

    private void onFrame(byte[] bytes, int from, int to) {
        dialect.onFrame(bytes, from, to, ready, this);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        recordBatch();
        if (started) {
            fill();
        }
        context.fireChannelReadComplete();
    }

    @Override
    public void ready() {
        if (!ready) {
            ready = true;
            readyLatch.countDown();
        }
    }

    @Override
    public void reply(long id, boolean error) {
        Long sentAt = byId.remove(id);
        if (sentAt == null) {
            stats.unmatched();
            return;
        }
        complete(sentAt, error);
    }

    @Override
    public void replyInOrder(boolean error) {
        if (inOrder.isEmpty()) {
            stats.unmatched();
            return;
        }
        complete(inOrder.poll(), error);
    }

    private void complete(long sentAt, boolean error) {
        inFlight--;
        if (sentAt != batchSentAt) {
            recordBatch();
            batchSentAt = sentAt;
        }
        batchCount++;
        if (error) {
            batchErrors++;
        }
        if (callsDone != null && inFlight == 0) {
            if (error) {
                stats.failure("an idle-mode call was answered with an error");
            }
            if (--callsLeft > 0) {
                sendCall();
            } else {
                callsDone.countDown();
                callsDone = null;
            }
        }
    }

    private void recordBatch() {
        if (batchCount > 0) {
            recorder.record(batchSentAt, readAt, batchCount, batchErrors);
            batchCount = 0;
            batchErrors = 0;
        }
    }

    @Override
    public void fatal(String why) {
        stats.failure(why);
        ctx.close();
    }

    @Override
    public void send(ByteBuf message) {
        ctx.writeAndFlush(message, ctx.voidPromise());
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (!stats.stopping()) {
            stats.failure("connection closed by the server (" + inFlight + " requests in flight)");
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        stats.failure(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        context.close();
    }
}
