package io.tether.server.limits;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after the idle timeout without traffic either way: nothing read (a
 * read in progress counts as traffic) and no write completed. Counting writes keeps a
 * listen-only client (a chat member that never sends) connected while messages reach it; a
 * client that stops reading has its writes stall and is cut like a silent one. Before closing,
 * an {@link IdleStateEvent} goes down the pipeline so the protocol handler can write its
 * goodbye, then the channel is closed from the tail, which flushes that goodbye first.
 *
 * <p>The same all-idle rule as Netty's {@code IdleStateHandler} with only an all-idle time,
 * kept lean because every connection holds one: the handler is its own timer task and write
 * listener, and holds one timestamp. One per channel; confined to its event loop.
 */
final class IdleTimeoutHandler extends ChannelDuplexHandler implements Runnable, ChannelFutureListener {
    private final ConnectionGuard guard;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private long lastTrafficNanos;
    private boolean reading;
    private boolean stopped;

    IdleTimeoutHandler(ConnectionGuard guard) {
        this.guard = guard;
    }

    private long timeoutNanos() {
        return guard.limits().idleTimeout().toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        if (context.channel().isActive() && context.channel().isRegistered()) {
            start(); // added to a channel already active: channelActive will not come
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        start();
        context.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        stop();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        stop();
    }

    private void start() {
        if (timer != null || stopped) {
            return;
        }
        lastTrafficNanos = ctx.executor().ticker().nanoTime();
        timer = ctx.executor().schedule(this, timeoutNanos(), TimeUnit.NANOSECONDS);
    }

    private void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        reading = true;
        context.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (reading) {
            lastTrafficNanos = ctx.executor().ticker().nanoTime();
            reading = false;
        }
        context.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        context.write(msg, promise.unvoid()).addListener(this);
    }

    /** A write completed (or failed): traffic. */
    @Override
    public void operationComplete(ChannelFuture future) {
        lastTrafficNanos = ctx.executor().ticker().nanoTime();
    }

    /** The timer: closes the channel when idle for the timeout, else checks again when it could be. */
    @Override
    public void run() {
        if (stopped || !ctx.channel().isOpen()) {
            return;
        }
        long timeout = timeoutNanos();
        long left = reading ? timeout : timeout - (ctx.executor().ticker().nanoTime() - lastTrafficNanos);
        if (left > 0) {
            timer = ctx.executor().schedule(this, left, TimeUnit.NANOSECONDS);
            return;
        }
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        guard.idleTimedOut(ctx.channel());
        ctx.fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        ctx.channel().close();
    }
}
