package io.tether.server.jstp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessageDecoder;
import io.tether.codec.jstp.JstpMessages;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import io.tether.codec.jstp.JstpWireWriter;
import io.tether.core.TetherCore;
import io.tether.server.ChannelGroups;
import io.tether.server.EventLoops;
import io.tether.server.ProtocolServer;
import io.tether.server.limits.ConnectionGuard;
import io.tether.server.pipeline.ProtocolPipeline;
import io.tether.server.limits.RefusalLog;
import io.tether.api.jstp.JstpApplication;

import io.tether.server.jstp.auth.LoginGate;
import io.tether.server.jstp.bridge.ActionsInterface;
import io.tether.server.jstp.bridge.ChatInterface;
import io.tether.core.session.resume.MemorySessionStore;
import io.tether.core.session.resume.SessionStore;
import io.tether.server.tls.TlsContextProvider;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import io.tether.server.http.WebSocketEndpoint;
import org.slf4j.LoggerFactory;

/**
 * The JSTP listener of a {@link io.tether.server.TetherServer}: NUL-framed mdsf over TCP
 * (or TLS), hosting the configured applications plus a built-in one, each with the core's
 * actions as the {@code api} interface and the shared rooms as {@code chat}. Each accepted
 * channel gets the shared {@link ProtocolPipeline} with the protocol's own stages: the NUL
 * framing ({@link JstpFrameDecoder}: a small cap until the handshake succeeds, then
 * {@code maxMessageBytes}), the mdsf decoder into {@link io.tether.codec.jstp.JstpMessage}s,
 * the JSTP wire writer and the {@link JstpServerHandler}.
 *
 * <pre>{@code
 * JstpProtocolServer jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
 *         .port(4000).application(myApp).build());
 * TetherServer server = TetherServer.builder(core).protocol(jstp).build().start();
 * }</pre>
 */
public final class JstpProtocolServer implements ProtocolServer {
    /** Version of the built-in application. */
    public static final String BUILTIN_VERSION = "1.0.0";

    private final JstpOptions options;
    private final JstpServices services;
    private final JstpHandshake handshake;
    private final LoginGate login;
    private final boolean ownsLogin;
    private final JstpDispatcher dispatcher;
    private final ChannelGroup channels = new DefaultChannelGroup("jstp", GlobalEventExecutor.INSTANCE);
    private final ProtocolPipeline pipeline;
    private final TlsContextProvider tls;
    private final ChannelGroup webSocketChannels = new DefaultChannelGroup("jstp-ws", GlobalEventExecutor.INSTANCE);
    private final JstpWebSocketEndpoint webSocket;

    /** A listener over {@code core} with in-memory sessions. */
    public JstpProtocolServer(TetherCore core, JstpOptions options) {
        this(core, options, new MemorySessionStore(options.sessionExpiry(), options.sessionQuota(core.refusals()),
                core.timer()));
    }

    /** A listener over {@code core} with the given session store. */
    public JstpProtocolServer(TetherCore core, JstpOptions options, SessionStore sessions) {
        this(core, options, sessions, null);
    }

    /**
     * A listener whose logins go through {@code sharedLogin} (which it does not close), or
     * through a gate of its own (closed by {@link #shutdown()}) when null. For harnesses that
     * make many short-lived listeners: a gate of its own starts a hashing thread per listener.
     */
    JstpProtocolServer(TetherCore core, JstpOptions options, SessionStore sessions, LoginGate sharedLogin) {
        this.options = options;
        JstpApplicationRegistry apps = new JstpApplicationRegistry(options.applications());
        if (!options.builtinApplication().isEmpty()
                && apps.select(options.builtinApplication(), BUILTIN_VERSION).isEmpty()) {
            apps.register(JstpApplication.builder(options.builtinApplication(), BUILTIN_VERSION).build());
        }
        this.services = new JstpServices(core, options, apps, sessions,
                new ActionsInterface(options.actionsInterface(), core.processor()),
                ChatInterface.create(options.chatInterface(), core.rooms()),
                new RefusalLog(core.refusals(), LoggerFactory.getLogger(JstpServerHandler.class)));
        this.ownsLogin = sharedLogin == null;
        this.login = ownsLogin ? new LoginGate(options.authenticator(), options.login(), core.refusals()) : sharedLogin;
        this.handshake = new JstpHandshake(services, login);
        this.dispatcher = new JstpDispatcher(services);
        ConnectionGuard guard = new ConnectionGuard(options.name(), options.connectionLimits(), core.refusals());
        this.tls = TlsContextProvider.create(options.name(), options.tls());
        JstpMessages messages = JstpMessages.of(MdsfReader.of(options.mdsfLimits()), MdsfWriter.defaults());
        JstpMessageDecoder decoder = new JstpMessageDecoder(messages);
        this.webSocket = new JstpWebSocketEndpoint(services, decoder, messages, handshake, dispatcher, guard,
                webSocketChannels);
        this.pipeline = ProtocolPipeline.builder(guard, channels)
                .tls(tls)
                // frames are held to the small pre-handshake cap until the handler lifts it
                .framing(() -> new JstpFrameDecoder(options.effectiveMaxHandshakeBytes(), options.maxMessageBytes()))
                .decoder(decoder)
                .encoder(new JstpWireWriter())
                .handler(() -> new JstpServerHandler(services, handshake, dispatcher, guard))
                .build();
        if (tls != null) {
            tls.watch(core.timer(), core.workers());
        }
    }

    @Override
    public String name() {
        return options.name();
    }

    @Override
    public InetSocketAddress bindAddress() {
        return new InetSocketAddress(options.host(), options.port());
    }

    @Override
    public Optional<TlsContextProvider> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public ChannelInitializer<Channel> initializer() {
        return pipeline;
    }

    /**
     * JSTP over WebSocket, for an {@link io.tether.server.http.HttpProtocolServer}'s routes:
     * {@code @metarhia/jstp}'s {@code ws}/{@code wss} transport (subprotocol {@code metarhia-jstp},
     * one message per text frame) served by this listener's applications and session store, so
     * sessions restore across TCP and WebSocket both ways. The WebSocket connections count in
     * {@link #connections()} and {@link #connectionCount()}; the HTTP listener closes them.
     */
    public WebSocketEndpoint webSocketEndpoint() {
        return webSocket;
    }

    /** The session store (sessions survive connection loss and {@link #shutdown()}). */
    public SessionStore sessions() {
        return services.sessions();
    }

    /**
     * The established connections (restored ones included, unlike the reference server), e.g. for a
     * server-wide broadcast: {@code c.session()} emits to each.
     */
    public List<JstpConnection> connections() {
        return Stream.concat(channels.stream(), webSocketChannels.stream())
                .map(ch -> ch.pipeline().get(JstpServerHandler.class))
                .filter(Objects::nonNull)
                .map(JstpServerHandler::connection)
                .filter(c -> c != null && c.handshakeDone() && c.isOpen())
                .map(JstpConnection.class::cast)
                .toList();
    }

    /** Number of open connections. */
    public int connectionCount() {
        return channels.size() + webSocketChannels.size();
    }

    /** Sessions restored by a {@code session} handshake since start (a client reconnected in time). */
    public long sessionsRestored() {
        return handshake.restored();
    }

    /**
     * Session restore requests refused since start (unknown, expired or malformed session id,
     * another application): the client starts a new session.
     */
    public long sessionRestoresFailed() {
        return handshake.restoresFailed();
    }

    /** Logins waiting for a password-hashing thread now (bounded by {@code login.queue}). */
    public int waitingLogins() {
        return login.waiting();
    }

    /**
     * Flushes and closes every connection and stops the login hashing pool; sessions stay in
     * the store (restorable if the store outlives this listener). Never blocks.
     */
    @Override
    public CompletableFuture<Void> shutdown() {
        if (tls != null) {
            tls.close();
        }
        // WebSocket connections are the HTTP listener's to close (1001); the store waits for them too
        CompletableFuture<Void> allClosed = CompletableFuture.allOf(ChannelGroups.allClosed(channels),
                ChannelGroups.allClosed(webSocketChannels));
        for (Channel ch : channels) {
            EventLoops.later(ch, () -> ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
        }
        return allClosed.whenComplete((v, e) -> {
            if (ownsLogin) {
                login.close();
            }
            services.sessions().close();
        });
    }
}
