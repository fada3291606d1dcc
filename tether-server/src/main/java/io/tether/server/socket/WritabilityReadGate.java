package io.tether.server.socket;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Flow control: stops reading from a client while its outbound buffer is above the high
 * watermark (the channel is not writable) and resumes once it drains, so a client that
 * does not read its replies cannot make the server buffer without bound. Sharable.
 */
@ChannelHandler.Sharable
final class WritabilityReadGate extends ChannelInboundHandlerAdapter {
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
