package io.tether.server.jstp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessage;
import io.tether.server.EventLoops;
import io.tether.server.IoErrors;
import io.tether.server.flow.OutboundFlow;
import io.tether.server.jstp.JstpHandshake.Created;
import io.tether.server.tls.TlsPeer;
import io.tether.server.jstp.JstpHandshake.Outcome;
import io.tether.server.jstp.JstpHandshake.Rejected;
import io.tether.server.jstp.JstpHandshake.Restoring;
import io.tether.api.jstp.JstpApplication;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import io.tether.server.jstp.wire.JstpText;
import io.tether.server.limits.ConnectionGuard;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSTP connection on the server: the handshake state machine (nothing but a handshake
 * before the request, the reply before any other message) with pipelined messages queued
 * behind the request and run only if it succeeds, the handshake timeout (counted as
 * {@link io.tether.core.limits.Refusal#HANDSHAKE_TIMEOUT}), the heartbeat, and
 * the routing of messages of an established connection. Its state is confined to the
 * channel's event loop; writes from any thread are queued on that loop in call order.
 * Messages of an established connection pass the connection's {@link OutboundFlow}: while the
 * client does not read, or while its maximum of calls runs, they wait (bounded, in order) and
 * reading stops; every write is checked against {@code maxOutboundBytes}.
 */
final class JstpServerHandler extends SimpleChannelInboundHandler<JstpMessage>
        implements OutboundFlow.Owner<JstpMessage> {
    private static final Logger LOG = LoggerFactory.getLogger(JstpServerHandler.class);

    private enum Phase { AWAITING, HANDSHAKING, READY, CLOSED }

    private final JstpServices services;
    private final JstpHandshake handshake;
    private final JstpDispatcher dispatcher;
    private final ConnectionGuard guard;
    private ArrayDeque<JstpMessage> pipelined; // messages behind the handshake request, made when needed
    private Phase phase = Phase.AWAITING;
    private ResumableSession session;
    private volatile JstpChannelConnection conn;
    private OutboundFlow<JstpMessage> flow;
    private Channel channel;
    private ScheduledFuture<?> handshakeTimer;
    private ScheduledFuture<?> heartbeat;
    private long lastInboundNanos = System.nanoTime();

    JstpServerHandler(JstpServices services, JstpHandshake handshake, JstpDispatcher dispatcher,
                      ConnectionGuard guard) {
        this.services = services;
        this.handshake = handshake;
        this.dispatcher = dispatcher;
        this.guard = guard;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx, services.options().maxOutboundBytes());
        super.channelActive(ctx);
    }

    /**
     * Starts the connection (its flow, connection object and handshake timer): from
     * {@code channelActive} over TCP, by the WebSocket endpoint once the channel upgrades.
     */
    void start(ChannelHandlerContext ctx, long maxOutboundBytes) {
        channel = ctx.channel();
        flow = new OutboundFlow<>(channel, maxOutboundBytes, services.refusals(), this);
        conn = new JstpChannelConnection(channel, services.listener(), services.options().maxInFlightCalls(), flow);
        long timeout = services.options().handshakeTimeout().toNanos();
        handshakeTimer = ctx.executor().schedule(() -> {
            if (phase != Phase.READY && phase != Phase.CLOSED) {
                guard.handshakeTimedOut(channel, services.options().handshakeTimeout());
                reject(null, "handshake timeout");
            }
        }, timeout, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, JstpMessage msg) {
        lastInboundNanos = System.nanoTime();
        services.listener().incomingMessage(conn, msg);
        switch (phase) {
            case AWAITING -> awaiting(msg);
            case HANDSHAKING -> {
                if (pipelined == null) {
                    pipelined = new ArrayDeque<>();
                }
                if (pipelined.size() >= services.options().maxPipelined()) {
                    reject(msg, "too many messages behind the handshake");
                } else {
                    pipelined.add(msg);
                }
            }
            case READY -> {
                if (flow.admit(msg)) {
                    established(msg);
                }
            }
            case CLOSED -> { }
        }
    }

    /** A message that waited in the flow (client not reading, or its calls at the limit). */
    @Override
    public void processDeferred(JstpMessage msg) {
        if (phase == Phase.READY) {
            established(msg);
        }
    }

    /** The flow disconnects this client. */
    @Override
    public void cutOff() {
        phase = Phase.CLOSED;
        pipelined = null;
        conn.abort();
    }

    private void awaiting(JstpMessage msg) {
        switch (msg) {
            case JstpMessage.Heartbeat h -> { }
            case JstpMessage.HandshakeRequest h when !h.app().isEmpty() -> startHandshake(h);
            default -> reject(msg, "no handshake request");
        }
    }

    private void startHandshake(JstpMessage.HandshakeRequest request) {
        phase = Phase.HANDSHAKING;
        CompletableFuture<Outcome> decided = handshake.decide(request, channel.remoteAddress(),
                TlsPeer.principal(channel, services.options().tls().clientPrincipal()));
        if (decided.isDone()) { // an anonymous handshake with the in-memory store: no dependent future
            Outcome outcome = decided.join(); // never exceptional (JstpHandshake.decide)
            EventLoops.later(channel, () -> apply(request, outcome));
        } else {
            decided.thenAccept(outcome -> EventLoops.later(channel, () -> apply(request, outcome)));
        }
    }

    private void apply(JstpMessage.HandshakeRequest request, Outcome outcome) {
        if (phase != Phase.HANDSHAKING) {
            if (outcome instanceof Created c) {
                // the connection went before its reply: nobody knows this session's id, so it
                // could never be restored; dropping it keeps abandoned handshakes from piling up
                c.session().drop();
            }
            return;
        }
        boolean ok = switch (outcome) {
            case Created c -> { // principal: a login's, else the policy's, else the certificate's (JstpHandshake)
                accept(c.app(), c.session());
                c.session().attachNew(conn, JstpText.handshakeOk(c.session().token()));
                yield true;
            }
            case Restoring r -> { // the connection policy decides a restore too (refused: [11], session untouched)
                if (!handshake.admitRestore(r, channel.remoteAddress(),
                        TlsPeer.principal(channel, services.options().tls().clientPrincipal()))) {
                    yield false;
                }
                accept(r.app(), r.session());
                yield r.session().restore(r.clientReceived(), conn, JstpText::handshakeRestored);
            }
            case Rejected r -> false;
        };
        services.listener().handshake(conn, request, ok);
        if (!ok) {
            int code = outcome instanceof Rejected r ? r.code() : 11;
            phase = Phase.CLOSED;
            pipelined = null;
            conn.send(JstpText.handshakeError(code));
            conn.close();
            return;
        }
        phase = Phase.READY;
        JstpFrameDecoder frames = channel.pipeline().get(JstpFrameDecoder.class);
        if (frames != null) {
            frames.handshakeDone();
        } else {
            JstpWebSocketFrames messages = channel.pipeline().get(JstpWebSocketFrames.class);
            if (messages != null) {
                messages.handshakeDone();
            }
        }
        conn.established();
        handshakeTimer.cancel(false);
        handshakeTimer = null;
        services.listener().client(conn, outcome instanceof Restoring);
        JstpClients.notify(conn.application(), session, outcome instanceof Restoring);
        startHeartbeat();
        ArrayDeque<JstpMessage> queued = pipelined;
        pipelined = null;
        while (queued != null && phase == Phase.READY && !queued.isEmpty()) {
            JstpMessage next = queued.poll();
            if (flow.admit(next)) {
                established(next);
            }
        }
    }

    private void accept(JstpApplication app, ResumableSession s) {
        conn.bind(app, s);
        session = s;
    }

    private void established(JstpMessage msg) {
        JstpListener listener = services.listener();
        switch (msg) {
            case JstpMessage.Call c -> {
                session.received(c.id());
                listener.call(conn, c);
                dispatcher.call(conn, c);
            }
            case JstpMessage.Callback c -> {
                session.acknowledge(c.id());
                listener.callback(conn, c);
                if (c.id() < 0) { // answers a call or inspect of the server
                    session.answered(c.id(), c.ok(), c.error());
                }
            }
            case JstpMessage.Event e -> {
                session.received(e.id());
                listener.event(conn, e);
                dispatcher.event(conn, e);
            }
            case JstpMessage.Inspect i -> {
                session.received(i.id());
                listener.inspect(conn, i);
                dispatcher.inspect(conn, i);
            }
            case JstpMessage.Ping p -> {
                session.received(p.id());
                session.reply(new Outbound.Pong(p.id()));
            }
            case JstpMessage.Pong p -> {
                session.acknowledge(p.id());
                if (p.id() < 0) {
                    session.answered(p.id(), List.of(), null);
                }
            }
            case JstpMessage.Heartbeat h -> { }
            case JstpMessage.Unknown u -> listener.messageRejected(conn, u, "unknown kind " + u.kind());
            case JstpMessage.HandshakeRequest h -> reject(h, "second handshake");
            case JstpMessage.HandshakeReply h -> reject(h, "handshake reply from a client");
        }
    }

    private void startHeartbeat() {
        long interval = services.options().heartbeatInterval().toNanos();
        if (interval <= 0) {
            return;
        }
        int limit = services.options().heartbeatMissedLimit();
        heartbeat = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (limit > 0 && System.nanoTime() - lastInboundNanos > interval * limit) {
                reject(null, "no inbound traffic");
                return;
            }
            if (!session.heartbeatControlled()) { // the application runs this session's heartbeat
                session.originate(Outbound.ping());
                services.listener().heartbeat(conn);
            }
        }, interval, interval, TimeUnit.NANOSECONDS);
    }

    private void reject(Object msg, String reason) {
        services.listener().messageRejected(conn, msg, reason);
        LOG.debug("closing {}: {}", conn, reason);
        phase = Phase.CLOSED;
        pipelined = null;
        flow.clear();
        conn.abort();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        phase = Phase.CLOSED;
        pipelined = null;
        if (flow != null) {
            flow.clear();
        }
        cancelTimers();
        conn.detach();
        super.channelInactive(ctx);
    }

    private void cancelTimers() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        JstpInboundRefusals.count(services, conn, cause, phase == Phase.READY);
        if (cause instanceof Error error) {
            // close first: logging an OutOfMemoryError may itself fail
            phase = Phase.CLOSED;
            pipelined = null;
            if (conn != null) {
                flow.clear();
                conn.abort();
            } else {
                ctx.close();
            }
            IoErrors.log(LOG, ctx.channel(), error);
            return;
        }
        reject(null, cause.toString());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (flow != null) {
            flow.writabilityChanged();
        }
        super.channelWritabilityChanged(ctx);
    }

    /** This channel's connection (null before channelActive). */
    JstpChannelConnection connection() {
        return conn;
    }

    /** Whether a handshake request is being decided (for tests: its outcome comes from another thread). */
    boolean handshaking() {
        return phase == Phase.HANDSHAKING;
    }
}
