package io.tether.client.jstp.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tether.codec.jstp.JstpMessage;

/** Hands decoded messages and transport events of one channel to the client. */
final class JstpClientHandler extends SimpleChannelInboundHandler<JstpMessage> {
    private final DefaultJstpClient client;

    JstpClientHandler(DefaultJstpClient client) {
        this.client = client;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, JstpMessage msg) {
        client.onMessage(ctx.channel(), msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.onInactive(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.onTransportError(cause);
        ctx.close();
    }
}
