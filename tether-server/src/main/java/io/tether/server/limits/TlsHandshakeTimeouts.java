package io.tether.server.limits;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

/**
 * Counts TLS handshakes that timed out (the {@link io.netty.handler.ssl.SslHandler} closes
 * the connection itself) as {@link io.tether.core.limits.Refusal#HANDSHAKE_TIMEOUT}; passes
 * every event on. Stateless, shared by the channels of one listener.
 */
@ChannelHandler.Sharable
final class TlsHandshakeTimeouts extends ChannelInboundHandlerAdapter {
    private final ConnectionGuard guard;

    TlsHandshakeTimeouts(ConnectionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent done && done.cause() instanceof SslHandshakeTimeoutException) {
            guard.handshakeTimedOut(ctx.channel(), guard.limits().tlsHandshakeTimeout());
        }
        super.userEventTriggered(ctx, evt);
    }
}
