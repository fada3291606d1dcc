package io.tether.client.jstp.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientTimeoutException;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.internal.ClientTransport;
import io.tether.client.internal.Dispatcher;
import io.tether.client.internal.PendingCalls;
import io.tether.client.internal.Reconnector;
import io.tether.client.jstp.JstpApp;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientListener;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.jstp.RemoteProxy;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessageDecoder;
import io.tether.codec.jstp.JstpMessageEncoder;
import io.tether.codec.jstp.JstpMessages;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The JSTP client: transport, handshakes, the session and its restore, calls and events.
 * All mutable state is confined to the client's event loop.
 */
public final class DefaultJstpClient implements JstpClient {
    private final JstpClientOptions options;
    private final ClientTransport transport;
    private final EventLoop loop;
    private final Dispatcher dispatcher;
    private final SslContext ssl;
    private final JstpMessages codec = JstpMessages.defaults();
    private final JstpClientListener listener;
    private final PendingCalls<Long, JstpMessage> pending;
    private final LocalCalls local;
    private final Reconnector reconnector;
    private final Map<String, RemoteProxy> proxies = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();
    private Channel channel;
    private ClientSession session;
    private boolean restoring;
    private boolean closing;
    private CompletableFuture<JstpMessage.HandshakeReply> handshakeReply;
    private ScheduledFuture<?> heartbeat;
    private Duration heartbeatInterval;
    private volatile boolean handshakeDone;
    private volatile ConnectionState state;
    private volatile SocketAddress remoteAddress;
    private volatile String sessionId;
    private volatile String username;
    private volatile String application;

    private DefaultJstpClient(JstpClientOptions options) {
        this.options = options;
        this.listener = options.listener();
        this.transport = new ClientTransport("tether-jstp-client", options.eventLoopGroup());
        this.loop = transport.loop();
        this.dispatcher = new Dispatcher("tether-jstp-client");
        this.ssl = options.tls() == null ? null : options.tls().newContext();
        this.pending = new PendingCalls<>(loop, dispatcher, d -> { });
        this.local = new LocalCalls(options.application(), dispatcher);
        this.heartbeatInterval = options.heartbeatInterval();
        this.reconnector = new Reconnector(loop, options.reconnect(), this::restoreOrRenew, new ReconnectEvents());
    }

    /** Opens the transport of a new client. */
    public static CompletableFuture<DefaultJstpClient> open(JstpClientOptions options) {
        DefaultJstpClient client = new DefaultJstpClient(options);
        return client.connectTransport().handle((ch, err) -> {
            if (err != null) {
                client.shutdown();
                throw asCompletion(err);
            }
            return client;
        });
    }

    /** Wraps a failure for a future chain, unwrapping nested completion exceptions. */
    public static CompletionException asCompletion(Throwable err) {
        Throwable e = unwrap(err);
        return e instanceof CompletionException ce ? ce : new CompletionException(e);
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private CompletableFuture<Channel> connectTransport() {
        return transport.connect(options.host(), options.port(), ssl, options.connectTimeout(), this::pipeline)
                .thenApplyAsync(ch -> {
                    channel = ch;
                    remoteAddress = ch.remoteAddress();
                    if (!ch.isActive()) {
                        onInactive(ch);
                    }
                    return ch;
                }, loop);
    }

    private void pipeline(ChannelPipeline p) {
        p.addLast("frames", new JstpFrameDecoder(options.maxMessageBytes()));
        p.addLast("decoder", new JstpMessageDecoder(codec));
        p.addLast("encoder", new JstpMessageEncoder(codec));
        p.addLast("client", new JstpClientHandler(this));
    }

    // ---- handshakes ----

    @Override
    public CompletableFuture<String> handshake(String app) {
        return handshake(JstpApp.parse(app));
    }

    @Override
    public CompletableFuture<String> handshake(JstpApp app) {
        return newSession(app, null, null, null);
    }

    @Override
    public CompletableFuture<String> handshake(String app, String login, String password) {
        return newSession(JstpApp.parse(app), "login", List.of(login, password), login);
    }

    @Override
    public CompletableFuture<String> handshake(String app, String restoreSessionId) {
        JstpApp parsed = JstpApp.parse(app);
        CompletableFuture<String> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (session == null) {
                session = new ClientSession(restoreSessionId, parsed, null, null, null);
            }
            sendHandshake(restoreRequest()).thenAcceptAsync(reply -> {
                if (reply.ok() instanceof Number n) {
                    applyRestore(n.longValue());
                    dispatcher.complete(result, session.id());
                } else {
                    dispatcher.fail(result, handshakeError(reply));
                }
            }, loop).exceptionally(e -> fail(result, e));
        });
        return result;
    }

    private CompletableFuture<String> newSession(JstpApp app, String strategy, Object credentials, String login) {
        CompletableFuture<String> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (handshakeDone) {
                result.completeExceptionally(new IllegalStateException("handshake already done"));
                return;
            }
            sendHandshake(new JstpMessage.HandshakeRequest(0, app.name(), app.version(), strategy, credentials))
                    .thenAcceptAsync(reply -> {
                        if (reply.ok() instanceof String sid) {
                            startSession(new ClientSession(sid, app, strategy, credentials, login));
                            setState(ConnectionState.CONNECTED);
                            dispatcher.complete(result, sid);
                        } else {
                            dispatcher.fail(result, handshakeError(reply));
                        }
                    }, loop).exceptionally(e -> fail(result, e));
        });
        return result;
    }

    private Void fail(CompletableFuture<?> result, Throwable e) {
        dispatcher.fail(result, unwrap(e));
        return null;
    }

    private JstpRemoteException handshakeError(JstpMessage.HandshakeReply reply) {
        JstpRemoteException e = reply.error() != null ? JstpRemoteException.fromWire(reply.error())
                : new JstpRemoteException(JstpRemoteException.AUTH_FAILED, "unexpected handshake reply", null);
        emit(l -> l.onHandshake(e, null));
        return e;
    }

    private void startSession(ClientSession s) {
        session = s;
        sessionId = s.id();
        username = s.username();
        application = s.app().toString();
        handshakeDone = true;
        restoring = false;
        restartHeartbeat();
        emit(l -> l.onHandshake(null, s.id()));
    }

    /** Sends a handshake request (never buffered) and waits for the reply with a deadline. */
    private CompletableFuture<JstpMessage.HandshakeReply> sendHandshake(JstpMessage.HandshakeRequest request) {
        if (channel == null || !channel.isActive()) {
            return CompletableFuture.failedFuture(new JstpRemoteException(JstpRemoteException.NO_HANDSHAKE_RESPONSE));
        }
        CompletableFuture<JstpMessage.HandshakeReply> reply = new CompletableFuture<>();
        handshakeReply = reply;
        Channel ch = channel;
        ScheduledFuture<?> deadline = loop.schedule(() -> {
            if (reply.completeExceptionally(new ClientTimeoutException("no handshake reply in time"))) {
                ch.close();
            }
        }, options.handshakeTimeout().toNanos(), TimeUnit.NANOSECONDS);
        reply.whenComplete((r, e) -> deadline.cancel(false));
        write(request);
        return reply;
    }

    private JstpMessage.HandshakeRequest restoreRequest() {
        return new JstpMessage.HandshakeRequest(0, session.app().name(), session.app().version(), "session",
                List.of(session.id(), session.receivedCount()));
    }

    // ---- restore ----

    private CompletableFuture<?> restoreOrRenew() {
        restoring = true;
        setState(ConnectionState.RECONNECTING);
        return connectTransport()
                .thenComposeAsync(ch -> sendHandshake(restoreRequest()), loop)
                .thenComposeAsync(reply -> {
                    if (reply.ok() instanceof Number n) {
                        applyRestore(n.longValue());
                        return CompletableFuture.completedFuture(null);
                    }
                    JstpRemoteException e = JstpRemoteException.fromWire(reply.error() == null ? List.of(11)
                            : reply.error());
                    return e.code() == JstpRemoteException.AUTH_FAILED ? renewSession()
                            : CompletableFuture.failedFuture(e);
                }, loop);
    }

    private void applyRestore(long serverReceived) {
        sessionId = session.id();
        username = session.username();
        application = session.app().toString();
        session.acknowledged(serverReceived);
        pending.failWhere(key -> key <= serverReceived, new JstpRemoteException(JstpRemoteException.CALLBACK_LOST));
        handshakeDone = true;
        restoring = false;
        for (String text : session.unacknowledged()) {
            write(text);
        }
        restartHeartbeat();
        setState(ConnectionState.RECONNECTED);
    }

    private CompletableFuture<Void> renewSession() {
        ClientSession old = session;
        return connectTransport()
                .thenComposeAsync(ch -> sendHandshake(new JstpMessage.HandshakeRequest(0, old.app().name(),
                        old.app().version(), old.strategy(), old.credentials())), loop)
                .thenAcceptAsync(reply -> {
                    if (!(reply.ok() instanceof String sid)) {
                        throw handshakeError(reply);
                    }
                    int failed = pending.failAll(new JstpRemoteException(JstpRemoteException.CALLBACK_LOST));
                    startSession(new ClientSession(sid, old.app(), old.strategy(), old.credentials(), old.username()));
                    emit(l -> l.onSessionReset(old.id(), sid, failed));
                    setState(ConnectionState.RECONNECTED);
                }, loop);
    }

    // ---- originated messages ----

    private <T> CompletableFuture<T> originate(String description, Duration timeout, LongFunction<JstpMessage> make) {
        CompletableFuture<T> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (closing || state == ConnectionState.RECONNECT_FAILED || state == ConnectionState.CLOSED) {
                result.completeExceptionally(new ConnectionLostException("client closed"));
                return;
            }
            if (session == null) {
                result.completeExceptionally(new IllegalStateException("no session: perform a handshake first"));
                return;
            }
            long messageId = session.nextId();
            String text = codec.toMdsf(make.apply(messageId));
            session.buffer(messageId, text);
            if (timeout != null) {
                @SuppressWarnings("unchecked")
                CompletableFuture<JstpMessage> raw = (CompletableFuture<JstpMessage>) (CompletableFuture<?>) result;
                pending.register(messageId, description, timeout, raw);
            } else {
                result.complete(null);
            }
            if (canSend()) {
                write(text);
            }
        });
        return result;
    }

    private boolean canSend() {
        return channel != null && channel.isActive() && handshakeDone && !restoring;
    }

    private void write(Object message) {
        channel.writeAndFlush(message);
        String text = message instanceof String s ? s : codec.toMdsf((JstpMessage) message);
        emit(l -> l.onOutgoingMessage(text));
    }

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, Object... args) {
        return callMethod(iface, method, Arrays.asList(args), options.callTimeout());
    }

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args, Duration timeout) {
        List<Object> copy = new ArrayList<>(args);
        return this.<JstpMessage>originate("call " + iface + "." + method, timeout,
                        n -> new JstpMessage.Call(n, iface, method, copy))
                .thenApply(DefaultJstpClient::results);
    }

    private static List<Object> results(JstpMessage reply) {
        JstpMessage.Callback cb = (JstpMessage.Callback) reply;
        if (cb.error() != null) {
            throw JstpRemoteException.fromWire(cb.error());
        }
        return cb.ok() == null ? List.of() : cb.ok();
    }

    @Override
    public CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, Object... args) {
        return withResend(iface, method, List.of(args), 3);
    }

    private CompletableFuture<List<Object>> withResend(String iface, String method, List<Object> args, int issues) {
        return callMethod(iface, method, args, options.callTimeout()).exceptionallyCompose(e -> {
            if (issues > 1 && unwrap(e) instanceof JstpRemoteException r && r.code() == JstpRemoteException.CALLBACK_LOST) {
                return withResend(iface, method, args, issues - 1);
            }
            return CompletableFuture.failedFuture(unwrap(e));
        });
    }

    @Override
    public void emitRemoteEvent(String iface, String event, Object... args) {
        List<Object> copy = new ArrayList<>(Arrays.asList(args));
        this.<Void>originate("event", null, n -> new JstpMessage.Event(n, iface, event, copy))
                .exceptionally(e -> {
                    emit(l -> l.onError(unwrap(e)));
                    return null;
                });
    }

    @Override
    public CompletableFuture<RemoteProxy> inspectInterface(String iface) {
        return this.<JstpMessage>originate("inspect " + iface, options.callTimeout(),
                        n -> new JstpMessage.Inspect(n, iface))
                .thenApply(reply -> {
                    List<String> names = results(reply).stream().map(String::valueOf).toList();
                    RemoteProxy proxy = new DefaultRemoteProxy(this, iface, names);
                    proxies.put(iface, proxy);
                    return proxy;
                });
    }

    @Override
    public CompletableFuture<Duration> ping() {
        long start = System.nanoTime();
        return this.<JstpMessage>originate("ping", options.callTimeout(), JstpMessage.Ping::new)
                .thenApply(p -> Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void startHeartbeat(Duration interval) {
        loop.execute(() -> {
            heartbeatInterval = interval;
            restartHeartbeat();
        });
    }

    @Override
    public void stopHeartbeat() {
        loop.execute(() -> {
            heartbeatInterval = null;
            cancelHeartbeat();
        });
    }

    private void restartHeartbeat() {
        cancelHeartbeat();
        if (heartbeatInterval != null && handshakeDone) {
            long nanos = heartbeatInterval.toNanos();
            heartbeat = loop.scheduleAtFixedRate(() -> {
                if (canSend()) {
                    this.<Void>originate("heartbeat", null, JstpMessage.Ping::new);
                }
            }, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    // ---- incoming ----

    void onMessage(Channel ch, JstpMessage message) {
        if (ch != channel) {
            return;
        }
        emit(l -> l.onIncomingMessage(message));
        new IncomingRouter(this).route(message);
    }

    void completeHandshake(JstpMessage.HandshakeReply reply) {
        CompletableFuture<JstpMessage.HandshakeReply> f = handshakeReply;
        handshakeReply = null;
        if (f == null || !f.complete(reply)) {
            rejected(reply, "unexpected handshake reply");
        } else if (reply.error() != null) {
            channel.close();
        }
    }

    void refuseHandshakeRequest() {
        channel.writeAndFlush(new JstpMessage.HandshakeReply(null, List.of(JstpRemoteException.NOT_A_SERVER)))
                .addListener(f -> channel.close());
    }

    void received(long messageId) {
        if (session != null) {
            session.received(messageId);
        }
    }

    void onCallback(JstpMessage.Callback cb) {
        if (session != null) {
            session.acknowledged(cb.id());
        }
        emit(l -> l.onCallback(cb.id(), cb.ok(), cb.error()));
        if (!pending.complete(cb.id(), cb)) {
            rejected(cb, "callback for an unknown call");
        }
    }

    void onPong(JstpMessage.Pong pong) {
        if (session != null) {
            session.acknowledged(pong.id());
        }
        emit(JstpClientListener::onHeartbeat);
        pending.complete(pong.id(), pong);
    }

    void onPing(JstpMessage.Ping ping) {
        received(ping.id());
        write(new JstpMessage.Pong(ping.id()));
        emit(JstpClientListener::onHeartbeat);
    }

    void onServerCall(JstpMessage.Call call) {
        received(call.id());
        Object args = call.args();
        emit(l -> l.onCall(call.iface(), call.method(), args instanceof List<?> a ? new ArrayList<>(a) : List.of()));
        Channel ch = channel;
        local.call(call, cb -> loop.execute(() -> {
            if (ch == channel && ch.isActive()) {
                write(cb);
            }
        }));
    }

    void onServerInspect(JstpMessage.Inspect inspect) {
        received(inspect.id());
        emit(l -> l.onInspect(inspect.iface()));
        write(local.inspect(inspect));
    }

    void onEvent(JstpMessage.Event event) {
        received(event.id());
        if (!(event.args() instanceof List<?> raw)) {
            rejected(event, "event payload is not an array");
            return;
        }
        List<Object> args = new ArrayList<>(raw);
        emit(l -> l.onEvent(event.iface(), event.event(), args));
        RemoteProxy proxy = proxies.get(event.iface());
        if (proxy instanceof DefaultRemoteProxy p) {
            dispatcher.listener(() -> p.dispatch(event.event(), args));
        }
    }

    void rejected(JstpMessage message, String reason) {
        emit(l -> l.onMessageRejected(message, reason));
    }

    void onTransportError(Throwable cause) {
        emit(l -> l.onError(cause));
    }

    void onInactive(Channel ch) {
        if (ch != channel) {
            return;
        }
        channel = null;
        boolean wasUp = handshakeDone;
        handshakeDone = false;
        cancelHeartbeat();
        if (handshakeReply != null) {
            handshakeReply.completeExceptionally(new JstpRemoteException(JstpRemoteException.NO_HANDSHAKE_RESPONSE));
            handshakeReply = null;
        }
        if (closing || reconnector.running()) {
            return;
        }
        if (session != null && wasUp && reconnector.enabled()) {
            setState(ConnectionState.DISCONNECTED);
            reconnector.start();
        } else {
            pending.failAll(new ConnectionLostException("connection closed"));
            setState(ConnectionState.CLOSED);
            closing = true;
            shutdown();
        }
    }

    // ---- lifecycle ----

    private void setState(ConnectionState s) {
        state = s;
        emit(l -> l.onStateChange(s));
    }

    void emit(Consumer<JstpClientListener> event) {
        dispatcher.listener(() -> event.accept(listener));
    }

    private void onLoop(CompletableFuture<?> result, Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionLostException("client closed"));
        }
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (state == ConnectionState.CLOSED || state == ConnectionState.RECONNECT_FAILED) {
            return CompletableFuture.completedFuture(null);
        }
        onLoop(done, () -> {
            closing = true;
            reconnector.stop();
            cancelHeartbeat();
            pending.failAll(new ConnectionLostException("client closed"));
            Channel ch = channel;
            setState(ConnectionState.CLOSED);
            dispatcher.listener(() -> done.complete(null));
            if (ch != null) {
                ch.close().addListener(f -> shutdown());
            } else {
                shutdown();
            }
        });
        return done;
    }

    @Override
    public void close() {
        try {
            closeAsync().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void shutdown() {
        dispatcher.listener(() -> {
            transport.close();
            dispatcher.close();
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean handshakeDone() {
        return handshakeDone;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String session() {
        return sessionId;
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public Map<String, RemoteProxy> remoteProxies() {
        return Map.copyOf(proxies);
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    /** Reconnector callbacks (event loop). */
    private final class ReconnectEvents implements Reconnector.Callbacks {
        @Override
        public void attempt(int attempt, Duration delay) {
            emit(l -> l.onReconnectAttempt(attempt, delay));
        }

        @Override
        public void succeeded(int attempt) {
            emit(l -> l.onReconnect(null));
            if (channel == null && !closing) {
                // lost again between the restore reply and this report: start over
                setState(ConnectionState.DISCONNECTED);
                reconnector.start();
            }
        }

        @Override
        public void attemptFailed(int attempt, Throwable error) {
            Throwable e = unwrap(error);
            emit(l -> l.onReconnect(e));
            if (channel != null) {
                channel.close();
            }
        }

        @Override
        public void gaveUp(Throwable lastError) {
            closing = true;
            pending.failAll(new ConnectionLostException("reconnection failed", unwrap(lastError)));
            setState(ConnectionState.RECONNECT_FAILED);
            shutdown();
        }
    }
}
