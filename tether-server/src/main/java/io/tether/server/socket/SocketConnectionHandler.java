package io.tether.server.socket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.tether.codec.socket.SocketBreak;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketVerb;
import io.tether.core.connection.Connection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection state machine of the socket protocol: welcome on connect, each request
 * line in order (messageCount and messageId fixed per line, verb side effects applied at
 * once, actions started concurrently), goodbye on quit/break/shutdown, room cleanup on
 * close. Any unexpected failure closes only this connection.
 */
final class SocketConnectionHandler extends SimpleChannelInboundHandler<SocketRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnectionHandler.class);

    private final SocketServices services;
    private ChannelHandlerContext ctx;
    private SocketSession session;
    private boolean draining;

    SocketConnectionHandler(SocketServices services) {
        super(SocketRequest.class);
        this.services = services;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        InetSocketAddress peer = (InetSocketAddress) context.channel().remoteAddress();
        String ip = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        Connection connection = Connection.open("socket", ip, peer.getPort(), message -> {
            if (!session.isClosing()) {
                context.writeAndFlush(SocketReplies.chat(message));
            }
        });
        session = new SocketSession(connection);
        context.writeAndFlush(SocketReplies.welcome(services.options().welcomeMessage()));
        context.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, SocketRequest request) {
        if (session.isClosing()) {
            return;
        }
        long count = session.countLine();
        if (request instanceof SocketRequest.TooLong) {
            write(SocketReplies.dataTooLong(session.lastMessageId(), count));
            return;
        }
        Correlation c = new Correlation(session.fixMessageId(), count);
        switch (request) {
            case SocketRequest.Verb v when v.verb() == SocketVerb.QUIT || v.verb() == SocketVerb.EXIT -> byeAndClose();
            case SocketRequest.Verb v -> write(services.verbs().run(v, session, c));
            case SocketRequest.FileRequest f -> services.files().serve(context, session, f);
            case SocketRequest.JsonRequest j ->
                    services.actions().callJson(session, j, c, context.executor(), this::deliverReply);
            case SocketRequest.InlineAction a ->
                    services.actions().callInline(session, a.name(), c, context.executor(), this::deliverReply);
            case SocketRequest.TooLong t -> throw new IllegalStateException("handled above");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt == SocketBreak.INSTANCE) {
            byeAndClose();
        } else {
            context.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        session.markClosing();
        try {
            services.core().rooms().leaveAll(session.connection());
        } catch (RuntimeException e) {
            LOG.warn("could not remove {} from its rooms", session.connection(), e);
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.info("closing {}: line over {} bytes", context.channel().remoteAddress(),
                    services.options().maxLineBytes());
        } else {
            LOG.warn("closing {} after an error: {}", context.channel().remoteAddress(), cause.toString(), cause);
        }
        if (session != null) {
            session.markClosing();
        }
        context.close();
    }

    /** Graceful shutdown of this connection; runs on the channel's event loop. */
    void drain(io.netty.channel.Channel channel, Duration limit) {
        channel.eventLoop().execute(() -> {
            if (session == null) {
                channel.close();
            } else if (session.connection().pendingActions() == 0) {
                byeAndClose();
            } else {
                draining = true;
                ctx.executor().schedule(this::byeAndClose, limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    private void deliverReply(SocketMessage reply) {
        if (session.isClosing() || !ctx.channel().isActive()) {
            return;
        }
        write(reply);
        if (draining && session.connection().pendingActions() == 0) {
            byeAndClose();
        }
    }

    private void write(SocketMessage message) {
        ctx.writeAndFlush(message);
    }

    private void byeAndClose() {
        if (session.isClosing()) {
            return;
        }
        session.markClosing();
        ctx.writeAndFlush(SocketReplies.bye()).addListener(ChannelFutureListener.CLOSE);
    }
}
