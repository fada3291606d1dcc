package io.tether.server.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Flow control, one per channel: reads from the client only while its outbound buffer is
 * below the high watermark (the channel is writable) <em>and</em> no request line is
 * waiting for a verb running off the event loop ({@link #holdForVerb}). Both reasons are
 * kept here so neither turns reading back on while the other still needs it off.
 * Confined to the channel's event loop.
 */
final class WritabilityReadGate extends ChannelInboundHandlerAdapter {
    private boolean verbPending;

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        apply(ctx.channel());
        ctx.fireChannelWritabilityChanged();
    }

    /** Stops (true) or resumes (false) reading on behalf of a verb running on a worker thread. */
    void holdForVerb(Channel channel, boolean pending) {
        verbPending = pending;
        apply(channel);
    }

    private void apply(Channel channel) {
        channel.config().setAutoRead(channel.isWritable() && !verbPending);
    }
}
