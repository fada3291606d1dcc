package io.tether.codec.outbound;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.PromiseNotifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the messages written between two flushes into <em>one</em> buffer: the replies to a
 * pipelined batch of requests leave as one buffer in one {@code write(2)}, instead of one
 * pooled buffer, one outbound-buffer entry and one iovec each. The buffer is handed on at
 * the next flush, before any message the {@link WireWriter} does not encode (so wire order is
 * write order), when it reaches {@code maxBatchBytes} (so the channel's watermarks see the
 * bytes), and before a close. Between flushes nothing is held, so an idle channel costs only
 * this object.
 *
 * <p>Put a {@link io.netty.handler.flush.FlushConsolidationHandler} on the tail side of
 * this handler: it lets the flushes of one read through as one, which is what makes a batch.
 * The promises of the messages of a batch complete with the batch's write. One instance per
 * channel (not sharable); confined to its event loop.
 *
 * <pre>{@code
 * pipeline.addLast("encoder", new CoalescingEncoder(sharedWriter))
 *         .addLast("flush", new FlushConsolidationHandler(256, true))
 *         .addLast("handler", handler);
 * }</pre>
 */
public final class CoalescingEncoder extends ChannelOutboundHandlerAdapter {
    /** Initial capacity of a batch buffer. */
    public static final int INITIAL_BATCH_BYTES = 1024;
    /** A batch is handed on once it holds this many bytes, even before a flush. */
    public static final int MAX_BATCH_BYTES = 64 * 1024;

    private final WireWriter writer;
    private ByteBuf batch;
    private List<ChannelPromise> promises;

    /** An encoder using {@code writer}, which may be shared by every channel. */
    public CoalescingEncoder(WireWriter writer) {
        this.writer = writer;
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
        emit(ctx);
        ctx.flush();
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        emit(ctx); // unflushed, like any other pending write: the transport fails it on close
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
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
