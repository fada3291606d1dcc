package io.tether.server.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The idle ping of one WebSocket connection: after {@link HttpOptions#pingInterval()} without
 * any frame from the client the server sends a ping; if nothing (not even the pong) arrives
 * within {@link HttpOptions#pongTimeout()} after it, the connection is closed with 1001. It
 * sits in front of Netty's protocol handler, so pongs count as traffic. Costs one flag per read
 * and one timer task per interval. One per channel, confined to its event loop.
 */
final class WebSocketKeepAlive extends ChannelDuplexHandler implements Runnable {
    private final long intervalNanos;
    private final long pongTimeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private boolean read;
    private boolean pinged;

    WebSocketKeepAlive(Duration interval, Duration pongTimeout) {
        this.intervalNanos = interval.toNanos();
        this.pongTimeoutNanos = pongTimeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        schedule(intervalNanos);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        cancel();
        super.channelInactive(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        read = true;
        context.fireChannelRead(msg);
    }

    @Override
    public void run() {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        if (read) {
            read = false;
            pinged = false;
            schedule(intervalNanos);
        } else if (!pinged) {
            pinged = true;
            ctx.writeAndFlush(new PingWebSocketFrame());
            schedule(pongTimeoutNanos);
        } else {
            ctx.channel().config().setAutoRead(false);
            WebSocketFramePolicy.close(ctx, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "no pong");
        }
    }

    private void schedule(long nanos) {
        timer = ctx.executor().schedule(this, nanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
