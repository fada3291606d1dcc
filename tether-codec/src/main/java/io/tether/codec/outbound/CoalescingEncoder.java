package io.tether.codec.outbound;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.PromiseNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Encodes the messages written between two flushes into <em>one</em> buffer: the replies to a
 * pipelined batch of requests leave as one buffer in one {@code write(2)}, instead of one
 * pooled buffer, one outbound-buffer entry and one iovec each. The buffer is handed on at
 * the next flush, before any message the {@link WireWriter} does not encode (so wire order is
 * write order), when it reaches {@code maxBatchBytes} (so the channel's watermarks see the
 * bytes), and before a close. Between flushes nothing is held, so an idle channel costs only
 * this object.
 *
 * <p>What makes a batch is that the flushes of one read go through as one. A server builds
 * the encoder {@linkplain #CoalescingEncoder(WireWriter, int) with flush consolidation}
 * between the decoder and the handler: while a read is in progress (from the first decoded
 * message to {@code channelReadComplete}) flushes are held and the last one goes through at the
 * end of the read, or after {@code maxHeldFlushes} of them; a flush outside a read goes through
 * from a task run after the current one on the event loop (so the flushes of one task merge
 * too), like Netty's {@code FlushConsolidationHandler(maxHeldFlushes, true)}, without its extra
 * stage and per-channel task object. Held flushes go through before a close, a disconnect, an
 * exception event, and when the channel turns unwritable. Without consolidation (the
 * one-argument constructor, as on a client) every flush goes through.
 *
 * <p>The promises of the messages of a batch complete with the batch's write. One instance
 * per channel (not sharable); confined to its event loop.
 *
 * <pre>{@code
 * pipeline.addLast("decoder", decoder)
 *         .addLast("encoder", new CoalescingEncoder(sharedWriter, 256))
 *         .addLast("handler", handler);
 * }</pre>
 */
public final class CoalescingEncoder extends ChannelDuplexHandler implements Runnable {
    /** Initial capacity of a batch buffer. */
    public static final int INITIAL_BATCH_BYTES = 1024;
    /** A batch is handed on once it holds this many bytes, even before a flush. */
    public static final int MAX_BATCH_BYTES = 64 * 1024;

    private final WireWriter writer;
    private final int maxHeldFlushes;
    private ByteBuf batch;
    private List<ChannelPromise> promises;
    private ChannelHandlerContext context; // for the flush task, when consolidating
    private int heldFlushes;
    private boolean readInProgress;
    private boolean flushTaskQueued;

    /** An encoder using {@code writer}, which may be shared by every channel; every flush goes through. */
    public CoalescingEncoder(WireWriter writer) {
        this(writer, 0);
    }

    /**
     * An encoder using {@code writer} that also consolidates flushes (see the class comment).
     *
     * @param writer         the wire writer, which may be shared by every channel
     * @param maxHeldFlushes flushes held at most before one goes through, 0 = no consolidation
     */
    public CoalescingEncoder(WireWriter writer, int maxHeldFlushes) {
        if (maxHeldFlushes < 0) {
            throw new IllegalArgumentException("maxHeldFlushes must be >= 0: " + maxHeldFlushes);
        }
        this.writer = writer;
        this.maxHeldFlushes = maxHeldFlushes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!writer.accepts(msg)) {
            emit(ctx);
            ctx.write(msg, promise);
            return;
        }
        ByteBuf out = batch != null ? batch : (batch = ctx.alloc().heapBuffer(INITIAL_BATCH_BYTES));
        int mark = out.writerIndex();
        try {
            writer.write(msg, out);
        } catch (RuntimeException | Error e) {
            out.writerIndex(mark);
            promise.tryFailure(new EncoderException(e)); // a void promise raises exceptionCaught
            return;
        } finally {
            ReferenceCountUtil.release(msg);
        }
        if (!promise.isVoid()) {
            if (promises == null) {
                promises = new ArrayList<>(4);
            }
            promises.add(promise);
        }
        if (out.readableBytes() >= MAX_BATCH_BYTES) {
            emit(ctx);
        }
    }

    /**
     * Bytes encoded into the current batch and not yet handed on (at most about
     * {@link #MAX_BATCH_BYTES} plus one message): not yet counted by the channel's outbound
     * buffer, so a caller measuring what is queued for a client adds them. Event loop only.
     */
    public int pendingBytes() {
        ByteBuf out = batch;
        return out == null ? 0 : out.readableBytes();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (maxHeldFlushes == 0 || ++heldFlushes >= maxHeldFlushes) {
            flushNow(ctx);
        } else if (!readInProgress && !flushTaskQueued) {
            flushTaskQueued = true;
            try {
                ctx.executor().execute(this); // after the current task: its later flushes merge with this one
            } catch (RejectedExecutionException loopStopping) {
                flushTaskQueued = false;
                flushNow(ctx); // the loop refuses tasks: the channel is going away, write what there is
            }
        }
    }

    /** The flush task: lets a held flush made outside a read go through. */
    @Override
    public void run() {
        flushTaskQueued = false;
        if (heldFlushes > 0 && !readInProgress) {
            flushNow(context);
        }
    }

    private void flushNow(ChannelHandlerContext ctx) {
        heldFlushes = 0;
        emit(ctx);
        ctx.flush();
    }

    /** Ends a read (if one was in progress) and lets a held flush through. */
    private void releaseHeld(ChannelHandlerContext ctx) {
        readInProgress = false;
        if (heldFlushes > 0) {
            flushNow(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (maxHeldFlushes > 0) {
            readInProgress = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        releaseHeld(ctx);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        releaseHeld(ctx);
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ctx.channel().isWritable() && heldFlushes > 0) {
            flushNow(ctx); // let the transport write what is held while the buffer drains
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void disconnect(ChannelHandlerContext ctx, ChannelPromise promise) {
        releaseHeld(ctx);
        ctx.disconnect(promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        releaseHeld(ctx);
        emit(ctx); // unflushed, like any other pending write: the transport fails it on close
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (heldFlushes > 0) {
            flushNow(ctx);
        }
        emit(ctx);
    }

    /** Hands the current batch on (without flushing); its promises complete with its write. */
    private void emit(ChannelHandlerContext ctx) {
        ByteBuf out = batch;
        if (out == null) {
            return;
        }
        batch = null;
        List<ChannelPromise> waiting = promises;
        if (!out.isReadable()) { // nothing written (e.g. only failed messages): nothing to send
            out.release();
            if (waiting != null) {
                waiting.forEach(ChannelPromise::trySuccess);
                waiting.clear();
            }
            return;
        }
        if (waiting == null || waiting.isEmpty()) {
            ctx.write(out); // not the void promise: a batch racing a close must not raise an exception event
            return;
        }
        ChannelPromise[] notify = waiting.toArray(new ChannelPromise[0]);
        waiting.clear();
        ctx.write(out).addListener(new PromiseNotifier<>(notify));
    }
}
