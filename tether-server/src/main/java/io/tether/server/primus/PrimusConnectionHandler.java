package io.tether.server.primus;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.codec.primus.PrimusCodec;
import io.tether.codec.primus.PrimusInbound;
import io.tether.codec.socket.SocketReplies;
import io.tether.core.room.RoomDelivery;
import io.tether.core.room.RoomSink;
import io.tether.core.session.RandomIds;
import io.tether.core.session.Session;
import io.tether.core.session.SessionLink;
import io.tether.server.EventLoops;
import io.tether.server.IoErrors;
import io.tether.server.PeerAddress;
import io.tether.server.flow.OutboundFlow;
import io.tether.core.limits.Refusal;
import io.tether.server.tls.ClientPrincipal;
import io.tether.server.tls.TlsPeer;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Primus (ActionHero websocket) connection, after the WebSocket upgrade: opens a core
 * {@link Session} and sends the welcome when the handshake completes, decodes each text frame
 * ({@link PrimusCodec}), answers Primus' own messages, runs ActionHero events through
 * {@link PrimusEvents} and writes each reply when it is ready (replies may overtake each other;
 * clients match them by {@code messageId}), writes room messages (serialized once per message
 * for all Primus members), sends the heartbeat ping and closes a client that did not answer the
 * previous one. A binary frame closes the connection (1003). Every inbound frame passes the
 * connection's {@link OutboundFlow}. Confined to the channel's event loop.
 */
final class PrimusConnectionHandler extends ChannelInboundHandlerAdapter
        implements OutboundFlow.Owner<PrimusInbound>, SessionLink, RoomSink {
    private static final Logger LOG = LoggerFactory.getLogger(PrimusConnectionHandler.class);

    private final PrimusServices services;
    private final long maxOutboundBytes;
    private final ClientPrincipal certificatePrincipal;
    private ChannelHandlerContext ctx;
    private Session session;
    private OutboundFlow<PrimusInbound> flow;
    private ScheduledFuture<?> heartbeat;
    private boolean alive = true;
    private volatile boolean closing;

    PrimusConnectionHandler(PrimusServices services, long maxOutboundBytes, ClientPrincipal certificatePrincipal) {
        this.services = services;
        this.maxOutboundBytes = maxOutboundBytes;
        this.certificatePrincipal = certificatePrincipal;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            open();
        }
        context.fireUserEventTriggered(evt);
    }

    /** Starts the Primus session on an upgraded channel (once). */
    void open() {
        if (session != null) {
            return;
        }
        SocketAddress peer = ctx.channel().remoteAddress();
        session = Session.openShared("websocket", PeerAddress.ip(peer), PeerAddress.port(peer), this);
        session.link(this);
        services.channels().add(ctx.channel());
        flow = new OutboundFlow<>(ctx.channel(), maxOutboundBytes, services.refusals(), this);
        long every = services.options().pingInterval().toMillis();
        // the connection policy decides (and names the session, e.g. from a TLS client certificate)
        String refusal = services.core().authentication().admit(session,
                TlsPeer.principal(ctx.channel(), certificatePrincipal));
        if (refusal != null) {
            services.refusals().refuse(Refusal.CONNECTION_POLICY, "connection from {} refused by the policy: {}",
                    peer, refusal);
            closeWith(WebSocketCloseStatus.POLICY_VIOLATION, refusal);
            return;
        }
        heartbeat = ctx.executor().scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        send(services.welcome());
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof TextWebSocketFrame text) {
            try {
                ByteBuf bytes = text.content(); // a heap buffer on the listener's allocator: parsed in place
                PrimusInbound inbound = bytes.hasArray()
                        ? services.codec().decode(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(),
                                bytes.readableBytes())
                        : services.codec().decode(text.text());
                if (session != null && !closing && flow.admit(inbound)) {
                    process(inbound);
                }
            } finally {
                text.release();
            }
        } else if (msg instanceof BinaryWebSocketFrame binary) {
            binary.release();
            closeWith(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary frames are not accepted: send JSON text");
        } else {
            context.fireChannelRead(msg);
        }
    }

    @Override
    public void processDeferred(PrimusInbound message) {
        if (!closing) {
            process(message);
        }
    }

    @Override
    public void cutOff() {
        closing = true;
    }

    private void process(PrimusInbound inbound) {
        switch (inbound) {
            case PrimusInbound.Pong p -> alive = true;
            case PrimusInbound.IdRequest i -> sendText(services.codec().id(session.id()));
            case PrimusInbound.Malformed m -> send(PrimusReplies.frameError(m.reason()));
            case PrimusInbound.Request r when PrimusEvents.isQuit(r.event()) -> closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "quit");
            case PrimusInbound.Request r -> request(r);
        }
    }

    private void request(PrimusInbound.Request r) {
        Object messageId = isTruthy(r.messageId()) ? r.messageId() : RandomIds.uuid();
        CompletableFuture<Map<String, Object>> reply = services.events().run(session, r, messageId);
        if (reply.isDone()) {
            deliver(reply.join());
        } else {
            reply.whenComplete((m, e) -> EventLoops.run(ctx.executor(), () -> {
                if (e != null) {
                    LOG.warn("event {} of {} failed", r.event(), session, e);
                } else {
                    deliver(m);
                }
            }));
        }
    }

    private void deliver(Map<String, Object> reply) {
        if (!closing && ctx.channel().isActive()) {
            send(reply);
        }
    }

    /** A room message from any thread: queued on the loop. */
    @Override
    public void deliver(RoomDelivery delivery) {
        String text = encoded(delivery);
        EventLoops.later(ctx.executor(), () -> {
            if (!closing) {
                sendText(text);
            }
        });
    }

    /** The connection's event loop: the room fan-out posts one task per loop per message. */
    @Override
    public Executor loop() {
        return ctx.executor();
    }

    /** A room message in the fan-out's task on this connection's loop: written now. */
    @Override
    public void deliverOnLoop(RoomDelivery delivery) {
        if (!closing) {
            sendText(encoded(delivery));
        }
    }

    private String encoded(RoomDelivery delivery) {
        return delivery.shared(PrimusConnectionHandler.class,
                m -> services.codec().encode(SocketReplies.chat(m).value()));
    }

    private void heartbeat() {
        if (closing) {
            return;
        }
        if (!alive) {
            LOG.debug("closing {}: no answer to the last Primus ping", ctx.channel().remoteAddress());
            closeWith(WebSocketCloseStatus.NORMAL_CLOSURE, "no pong");
            return;
        }
        alive = false;
        sendText(PrimusCodec.ping(System.currentTimeMillis()));
    }

    private void send(Map<String, Object> message) {
        if (flow.mayWrite()) {
            ByteBuf payload = ctx.alloc().heapBuffer(256); // JSON written straight into the frame's payload
            try {
                services.codec().encode(message, payload);
            } catch (RuntimeException | Error e) {
                payload.release();
                throw e;
            }
            ctx.writeAndFlush(new TextWebSocketFrame(payload), ctx.voidPromise());
        }
    }

    private void sendText(String text) {
        if (flow.mayWrite()) {
            // a heap buffer: Netty's frame encoder copies the payload behind the frame header anyway
            ByteBuf payload = ctx.alloc().heapBuffer(ByteBufUtil.utf8MaxBytes(text));
            ByteBufUtil.writeUtf8(payload, text);
            ctx.writeAndFlush(new TextWebSocketFrame(payload), ctx.voidPromise());
        }
    }

    private void closeWith(WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Graceful end (server shutdown or application code): Primus' {@code server::close}, then close. */
    void end() {
        if (closing || session == null) {
            ctx.close();
            return;
        }
        sendText(PrimusCodec.serverClose());
        closeWith(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server closing");
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (session != null) {
            flow.clear();
            Session s = session;
            services.core().rooms().leaveAll(s).whenComplete((ok, e) -> {
                if (e != null) {
                    LOG.warn("could not remove {} from its rooms: {}", s, e.toString());
                }
            });
        }
        context.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (flow != null) {
            flow.writabilityChanged();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        closing = true;
        context.close();
        if (cause instanceof Error error) {
            IoErrors.log(LOG, context.channel(), error);
        } else if (cause instanceof java.io.IOException || cause instanceof io.netty.handler.codec.DecoderException) {
            LOG.debug("closing {}: {}", context.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("closing {} after an error: {}", context.channel().remoteAddress(), cause.toString(), cause);
        }
    }

    /** ActionHero's websocket protocol has no server events. */
    @Override
    public boolean emit(String iface, String event, List<?> args) {
        return false;
    }

    /** Application code ends the session. */
    @Override
    public void close() {
        EventLoops.run(ctx.executor(), this::end);
    }

    private static boolean isTruthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isEmpty();
            case Number n -> n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
            default -> true;
        };
    }
}
