package io.tether.server.socket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.tether.api.Principal;
import io.tether.codec.socket.SocketBreak;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketVerb;
import io.tether.core.room.RoomDelivery;
import io.tether.core.room.RoomSink;
import io.tether.core.session.Session;
import io.tether.core.session.SessionLink;
import io.tether.core.limits.Refusal;
import io.tether.server.EventLoops;
import io.tether.server.IoErrors;
import io.tether.server.PeerAddress;
import io.tether.server.flow.OutboundFlow;
import io.tether.server.tls.TlsPeer;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
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
 * write is checked against {@code maxOutboundBytes} (a client over it is disconnected). Room
 * verbs go to the core's room service, which decides where the broker runs: a reply that is
 * not ready at once (a Redis broker) is written from the future's completion, on this loop,
 * and until then the same flow holds later lines and the {@link LineBacklog} holds room
 * messages, so replies stay in line order and the event loop never waits; consecutive
 * {@code say} lines pipeline ({@link PendingRoomVerbs}). On close the
 * session leaves its rooms through the service, after any room verb still pending.
 */
final class SocketConnectionHandler extends SimpleChannelInboundHandler<SocketRequest>
        implements OutboundFlow.Owner<SocketRequest>, SessionLink, RoomSink {
    private static final Logger LOG = LoggerFactory.getLogger(SocketConnectionHandler.class);

    private final SocketServices services;
    private final StickyParamsPolicy stickyPolicy;
    private final LineBacklog backlog = new LineBacklog();
    private final PendingRoomVerbs pending = new PendingRoomVerbs();
    private OutboundFlow<SocketRequest> flow;
    private ChannelHandlerContext ctx;
    private SocketSession session;
    private volatile SocketChatWriter chat;
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
        Session connection = Session.openShared("socket", PeerAddress.ip(peer), PeerAddress.port(peer), this);
        connection.link(this); // ctx.session().close() of an action: Bye, then close
        session = new SocketSession(connection, stickyPolicy);
        flow = new OutboundFlow<>(context.channel(), services.options().maxOutboundBytes(), services.refusals(), this);
        chat = new SocketChatWriter(context, session, backlog, flow, services.wire(),
                () -> overflow("room messages"));
        if (context.pipeline().get(SslHandler.class) == null) {
            admitAndWelcome(context, Optional.empty());
        } // else once the TLS handshake completes: the policy is told the client certificate's principal
        context.fireChannelActive();
    }

    /** The connection policy decides (and names the session), then the welcome line, or one refusal line and close. */
    private void admitAndWelcome(ChannelHandlerContext context, Optional<Principal> certificate) {
        String refusal = services.core().authentication().admit(session.connection(), certificate);
        if (refusal != null) { // no welcome: one error line, then close; later lines are ignored
            services.refusals().refuse(Refusal.CONNECTION_POLICY, "connection from {} refused by the policy: {}",
                    context.channel().remoteAddress(), refusal);
            session.markClosing();
            context.writeAndFlush(refused(refusal)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.writeAndFlush(services.welcome(), context.voidPromise());
    }

    /** {@code {"status":"refused","error":reason,"context":"api"}}: the line a refused connection gets. */
    private static SocketMessage refused(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "refused");
        m.put("error", reason);
        m.put("context", SocketReplies.API);
        return new SocketMessage(m);
    }

    /** A room message from any thread: queued on the loop. */
    @Override
    public void deliver(RoomDelivery delivery) {
        chat.queue(delivery);
    }

    /** The connection's event loop: the room fan-out posts one task per loop per message. */
    @Override
    public Executor loop() {
        return ctx.executor();
    }

    /** A room message in the fan-out's task on this connection's loop: written now. */
    @Override
    public void deliverOnLoop(RoomDelivery delivery) {
        chat.deliverOnLoop(delivery);
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
        if (!SocketVerbs.isRoomVerb(v.verb())) {
            write(services.verbs().run(v, session, c));
            return;
        }
        CompletableFuture<?> done = services.verbs().room(v, session);
        if (done.isDone() && pending.isEmpty()) { // the in-memory broker: answered here, no hop
            write(SocketVerbs.roomReply(v.verb(), done, c));
            return;
        }
        // later lines wait in the flow (a say may pipeline: mayRunWhileHeld), room messages in
        // the backlog, until every pending reply is written
        boolean first = pending.isEmpty();
        PendingRoomVerbs.Entry entry = pending.add(v.verb() == SocketVerb.SAY);
        if (first) {
            backlog.pending(true);
            flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, true);
        }
        // a leave is alone while pending (nothing pipelines behind it): what the room said
        // before it, held meanwhile, goes out before its reply
        boolean messagesFirst = first && v.verb() == SocketVerb.ROOM_LEAVE;
        done.whenComplete((r, e) -> onLoop(() -> verbFinished(entry, SocketVerbs.roomReply(v.verb(), done, c),
                messagesFirst)));
    }

    /**
     * A room verb that completed later: writes the replies that are ready in line order; once
     * none is pending, the room messages held meanwhile (before the reply of a leave), then
     * continues with the queued lines.
     */
    private void verbFinished(PendingRoomVerbs.Entry entry, SocketMessage reply, boolean messagesFirst) {
        if (session.isClosing()) {
            pending.clear();
            backlog.pending(false);
            backlog.clear();
            flow.clear();
            return;
        }
        if (messagesFirst) {
            chat.flushHeld();
        }
        pending.complete(entry, reply);
        for (SocketMessage ready = pending.nextReady(); ready != null; ready = pending.nextReady()) {
            write(ready);
        }
        if (pending.isEmpty()) {
            backlog.pending(false);
            chat.flushHeld();
            flow.hold(OutboundFlow.HOLD_PENDING_REQUEST, false); // works off the lines that waited
        }
    }

    /** A say line while only pipelined says are pending and their window is open: it starts now. */
    @Override
    public boolean mayRunWhileHeld(SocketRequest request) {
        return request instanceof SocketRequest.Verb v && v.verb() == SocketVerb.SAY && pending.admitsSay()
                && !session.isClosing();
    }

    /** Reading goes on while a window of pipelined says is open. */
    @Override
    public boolean pipelinesWhileHeld() {
        return pending.admitsSay() && !session.isClosing();
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
        } else if (evt instanceof SslHandshakeCompletionEvent done && done.isSuccess() && session != null) {
            // a verified client certificate names the session (unless the policy decides otherwise)
            // before the welcome line, so before any request line is read
            admitAndWelcome(context, TlsPeer.principal(context.channel(), services.options().tls().clientPrincipal()));
            context.fireUserEventTriggered(evt);
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
        // queued behind a room verb still running: a late roomAdd cannot outlive the connection
        Session connection = session.connection();
        services.core().rooms().leaveAll(connection).whenComplete((ok, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                LOG.warn("could not remove {} from its rooms: {}", connection, cause.toString());
            }
        });
        context.fireChannelInactive();
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

    /** The socket protocol has no server events. */
    @Override
    public boolean emit(String iface, String event, java.util.List<?> args) {
        return false;
    }

    /** Application code ends the session: Bye after the replies already queued, then close (on the loop). */
    @Override
    public void close() {
        EventLoops.run(ctx.executor(), this::byeAndClose); // a stopping server closes it anyway
    }

    private void byeAndClose() {
        if (session.isClosing()) {
            return;
        }
        session.markClosing();
        ctx.writeAndFlush(SocketReplies.bye()).addListener(ChannelFutureListener.CLOSE);
    }
}
