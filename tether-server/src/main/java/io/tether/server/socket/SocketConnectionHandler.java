package io.tether.server.socket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.tether.codec.socket.SocketBreak;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketVerb;
import io.tether.core.session.Session;
import io.tether.core.limits.Refusal;
import io.tether.server.EventLoops;
import io.tether.server.IoErrors;
import io.tether.server.PeerAddress;
import io.tether.server.flow.OutboundFlow;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection state machine of the socket protocol: welcome on connect, each request
 * line in order (messageCount and messageId fixed per line, verb side effects applied at
 * once, actions started concurrently), goodbye on quit/break/shutdown, room cleanup on
 * close. Any unexpected failure closes only this connection.
 *
 * <p>Every line passes the connection's {@link OutboundFlow}: while the client does not read
 * (the channel is unwritable) lines already decoded wait there and reading stops, and every
 * write is checked against {@code maxOutboundBytes} (a client over it is disconnected). When
 * the room broker may block (Redis), room verbs run on the core's workers under a hold of the
 * same flow, so later lines wait until the verb's reply is written: lines stay strictly
 * ordered and the event loop never waits for Redis; room messages arriving meanwhile wait in
 * the {@link LineBacklog}. With the in-memory broker room verbs run inline.
 */
final class SocketConnectionHandler extends SimpleChannelInboundHandler<SocketRequest>
        implements OutboundFlow.Owner<SocketRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnectionHandler.class);

    private static final Set<SocketVerb> ROOM_VERBS =
            EnumSet.of(SocketVerb.ROOM_ADD, SocketVerb.ROOM_LEAVE, SocketVerb.ROOM_VIEW, SocketVerb.SAY);

    private final SocketServices services;
    private final StickyParamsPolicy stickyPolicy;
    private final LineBacklog backlog = new LineBacklog();
    private OutboundFlow<SocketRequest> flow;
    private ChannelHandlerContext ctx;
    private SocketSession session;
    private volatile SocketChatWriter chat;
    private CompletableFuture<?> lastVerb; // the latest room verb run off the loop, if any
    private boolean draining;

    SocketConnectionHandler(SocketServices services, StickyParamsPolicy stickyPolicy) {
        super(SocketRequest.class);
        this.services = services;
        this.stickyPolicy = stickyPolicy;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        this.ctx = context;
        SocketAddress peer = context.channel().remoteAddress();
        Session connection = Session.openShared("socket", PeerAddress.ip(peer), PeerAddress.port(peer),
                message -> chat.queue(message));
        session = new SocketSession(connection, stickyPolicy);
        flow = new OutboundFlow<>(context.channel(), services.options().maxOutboundBytes(), services.refusals(), this);
        chat = new SocketChatWriter(context, session, backlog, flow, services.wire(),
                () -> overflow("room messages"));
        context.writeAndFlush(services.welcome(), context.voidPromise());
        context.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, SocketRequest request) {
        if (!session.isClosing() && flow.admit(request)) {
            process(context, request);
        }
    }

    /** A line that waited in the flow (client not reading, or a room verb pending). */
    @Override
    public void processDeferred(SocketRequest request) {
        if (!session.isClosing()) {
            process(ctx, request);
        }
    }

    /** The flow disconnects this client. */
    @Override
    public void cutOff() {
        session.markClosing();
        backlog.clear();
    }

    private void process(ChannelHandlerContext context, SocketRequest request) {
        long count = session.countLine();
        if (request instanceof SocketRequest.TooLong) {
            services.core().refusals().count(Refusal.MESSAGE_TOO_LARGE);
            write(SocketReplies.dataTooLong(session.lastMessageId(), count));
            return;
        }
        Correlation c = new Correlation(session.fixMessageId(), count);
        switch (request) {
            case SocketRequest.Verb v when v.verb() == SocketVerb.QUIT || v.verb() == SocketVerb.EXIT -> byeAndClose();
            case SocketRequest.Verb v -> runVerb(v, c);
            case SocketRequest.FileRequest f -> services.files().serve(context, session, f);
            case SocketRequest.JsonRequest j ->
                    services.actions().callJson(session, j, c, context.executor(), this::deliverReply);
            case SocketRequest.InlineAction a ->
                    services.actions().callInline(session, a.name(), c, context.executor(), this::deliverReply);
            case SocketRequest.TooLong t -> throw new IllegalStateException("handled above");
        }
    }

    private void runVerb(SocketRequest.Verb v, Correlation c) {
        if (!ROOM_VERBS.contains(v.verb()) || !services.core().rooms().blocking()) {
            write(services.verbs().run(v, session, c));
            return;
        }
        backlog.pending(true);
        flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, true);
        CompletableFuture<SocketMessage> reply;
        try {
            reply = CompletableFuture.supplyAsync(() -> services.verbs().run(v, session, c), services.core().workers());
        } catch (RejectedExecutionException stopping) {
            reply = CompletableFuture.failedFuture(stopping);
        }
        lastVerb = reply;
        reply.whenComplete((message, failure) -> onLoop(() -> verbFinished(message, failure, c)));
    }

    /** Writes the reply of a verb that ran off the loop, then continues with the queued lines. */
    private void verbFinished(SocketMessage reply, Throwable failure, Correlation c) {
        backlog.pending(false);
        if (session.isClosing()) {
            backlog.clear();
            flow.clear();
            return;
        }
        if (failure != null) {
            LOG.warn("room verb failed unexpectedly on {}", session.connection(), failure);
            reply = SocketReplies.verbError("internal error", c.messageId(), c.messageCount());
        }
        write(reply);
        chat.flushHeld();
        flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, false); // works off the lines that waited
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (flow != null) {
            flow.writabilityChanged();
        }
        context.fireChannelWritabilityChanged();
    }

    private void onLoop(Runnable task) {
        EventLoops.later(ctx.executor(), task);
    }

    private void overflow(String what) {
        services.refusals().refuse(Refusal.OVERLOADED, "closing {}: too many {} queued behind a pending room verb",
                ctx.channel().remoteAddress(), what);
        session.markClosing();
        backlog.clear();
        flow.clear();
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt == SocketBreak.INSTANCE) {
            byeAndClose();
        } else if (evt instanceof IdleStateEvent) {
            sayByeBeforeIdleClose(context);
        } else {
            context.fireUserEventTriggered(evt);
        }
    }

    /**
     * The idle-timeout stage closes the channel right after this event; the goodbye is written
     * first (as on every server-initiated close) and leaves with that close's flush.
     */
    private void sayByeBeforeIdleClose(ChannelHandlerContext context) {
        if (session != null && !session.isClosing()) {
            session.markClosing();
            context.writeAndFlush(SocketReplies.bye(), context.voidPromise());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (session == null) {
            context.fireChannelInactive();
            return;
        }
        session.markClosing();
        backlog.clear();
        flow.clear();
        Session connection = session.connection();
        if (services.core().rooms().blocking()) {
            // after the verb still running (a late roomAdd must not outlive the connection), off the loop
            CompletableFuture<?> verb = lastVerb != null ? lastVerb : CompletableFuture.completedFuture(null);
            verb.handle((r, e) -> null).thenRunAsync(() -> leaveAll(connection), services.core().workers());
        } else {
            leaveAll(connection);
        }
        context.fireChannelInactive();
    }

    private void leaveAll(Session connection) {
        try {
            services.core().rooms().leaveAll(connection);
        } catch (RuntimeException e) {
            LOG.warn("could not remove {} from its rooms", connection, e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof Error error) {
            // close first: logging an OutOfMemoryError may itself fail
            if (session != null) {
                session.markClosing();
            }
            context.close();
            IoErrors.log(LOG, context.channel(), error);
            return;
        }
        if (cause instanceof TooLongFrameException) {
            services.refusals().refuse(Refusal.MESSAGE_TOO_LARGE, "closing {}: line over {} bytes",
                    context.channel().remoteAddress(), services.options().maxLineBytes());
        } else if (cause instanceof java.io.IOException || cause instanceof io.netty.handler.codec.DecoderException) {
            LOG.debug("closing {}: {}", context.channel().remoteAddress(), cause.toString());
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
        onLoopOrClose(channel, () -> {
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

    private static void onLoopOrClose(io.netty.channel.Channel channel, Runnable task) {
        if (!EventLoops.later(channel, task)) {
            channel.close();
        }
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
        if (flow.mayWrite()) {
            ctx.writeAndFlush(message, ctx.voidPromise());
        }
    }

    private void byeAndClose() {
        if (session.isClosing()) {
            return;
        }
        session.markClosing();
        ctx.writeAndFlush(SocketReplies.bye()).addListener(ChannelFutureListener.CLOSE);
    }
}
