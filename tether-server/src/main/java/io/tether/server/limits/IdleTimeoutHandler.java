package io.tether.server.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection after the idle timeout without traffic either way (Netty's all-idle
 * state: nothing read and no write completed). Counting writes keeps a listen-only client
 * (a chat member that never sends) connected while messages reach it; a client that stops
 * reading has its writes stall and is cut like a silent one. Before closing, the
 * {@link IdleStateEvent} goes down the pipeline so the protocol handler can write its
 * goodbye, then the channel is closed from the tail, which flushes that goodbye first.
 * One per channel; confined to its event loop.
 */
final class IdleTimeoutHandler extends IdleStateHandler {
    private final ConnectionGuard guard;

    IdleTimeoutHandler(ConnectionGuard guard) {
        super(false, 0, 0, guard.limits().idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
        this.guard = guard;
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
        if (!ctx.channel().isActive()) {
            return;
        }
        guard.idleTimedOut(ctx.channel());
        ctx.fireUserEventTriggered(evt);
        ctx.channel().close();
    }
}
