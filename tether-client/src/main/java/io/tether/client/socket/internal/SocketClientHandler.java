package io.tether.client.socket.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** Hands decoded lines, file contents and transport events of one connection to the client. */
final class SocketClientHandler extends SimpleChannelInboundHandler<Object> {
    private final SocketSession client;
    private final SocketConnection connection;

    SocketClientHandler(SocketSession client, SocketConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof SocketReplyDecoder.FileContent file) {
            connection.onFile(file.bytes());
        } else {
            client.onLine(connection, (String) msg);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.onInactive(connection);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.onTransportError(cause);
        ctx.close();
    }
}
