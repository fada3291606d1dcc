package io.tether.client.jstp.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.internal.ClientTransport;
import io.tether.client.internal.Dispatcher;
import io.tether.client.internal.Reconnector;
import io.tether.client.internal.WebSocketUpgrade;
import java.net.URI;
import io.tether.client.jstp.JstpApp;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.jstp.ReconnectAttempt;
import io.tether.client.jstp.RemoteProxy;
import io.tether.codec.jstp.JstpFrameDecoder;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessageDecoder;
import io.tether.codec.jstp.JstpWireWriter;
import io.tether.codec.outbound.CoalescingEncoder;
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
import java.util.concurrent.TimeUnit;

/**
 * The JSTP client: API and lifecycle (transport, reconnection, close). Handshakes and the
 * session restore are in {@link JstpHandshakes}, received messages in {@link JstpInbound},
 * the shared state in {@link JstpLink}; all of it lives on the client's event loop.
 */
public final class DefaultJstpClient implements JstpClient {
    private final JstpClientOptions options;
    private final ClientTransport transport;
    private final SslContext ssl;
    private final JstpLink link;
    private final JstpHandshakes handshakes;
    private final JstpInbound inbound;
    private final Reconnector reconnector;
    private final Map<String, RemoteProxy> proxies = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();
    /** The subprotocol of {@code @metarhia/jstp}'s WebSocket transport. */
    static final String WEBSOCKET_SUBPROTOCOL = "metarhia-jstp";

    private DefaultJstpClient(JstpClientOptions options) {
        this.options = options;
        this.transport = new ClientTransport("tether-jstp-client", options.eventLoopGroup());
        Dispatcher dispatcher = new Dispatcher("tether-jstp-client");
        this.ssl = options.tls() == null ? null : options.tls().newContext();
        this.link = new JstpLink(transport.loop(), dispatcher, options.listener(), options.heartbeatInterval(),
                options.maxBufferedMessages());
        this.handshakes = new JstpHandshakes(link, this::connectTransport, options.handshakeTimeout());
        this.inbound = new JstpInbound(link, handshakes, new LocalCalls(options.application(), dispatcher), proxies);
        this.reconnector = new Reconnector(link.loop, options.reconnect(), handshakes::restoreOrRenew,
                new ReconnectEvents());
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

    /** Joins a future, rethrowing a client failure as itself rather than wrapped. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e) instanceof io.tether.client.ClientException c ? c : e;
        }
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
        if (options.webSocketPath() == null) {
            return established(transport.connect(options.host(), options.port(), ssl, options.connectTimeout(),
                    this::pipeline));
        }
        URI uri = URI.create((ssl == null ? "ws://" : "wss://") + options.host() + ":" + options.port()
                + options.webSocketPath());
        List<CompletableFuture<Void>> upgrade = new ArrayList<>(1);
        CompletableFuture<Channel> connected = transport.connect(options.host(), options.port(), ssl,
                options.connectTimeout(), p -> {
                    upgrade.add(WebSocketUpgrade.addStages(p, uri, WEBSOCKET_SUBPROTOCOL, options.maxMessageBytes(),
                            options.connectTimeout()));
                    webSocketPipeline(p);
                });
        return established(connected.thenCompose(ch -> upgrade.get(0).thenApply(v -> ch)));
    }

    private CompletableFuture<Channel> established(CompletableFuture<Channel> connected) {
        return connected
                .thenApplyAsync(ch -> {
                    link.channel = ch;
                    link.remoteAddress = ch.remoteAddress();
                    if (!ch.isActive()) {
                        onInactive(ch);
                    }
                    return ch;
                }, link.loop);
    }

    private void webSocketPipeline(ChannelPipeline p) {
        p.addLast("frames", new JstpTextFrames(link.codec));
        p.addLast("decoder", new JstpMessageDecoder(link.codec));
        p.addLast("client", new JstpClientHandler(this));
    }

    private void pipeline(ChannelPipeline p) {
        p.addLast("frames", new JstpFrameDecoder(options.maxMessageBytes()));
        p.addLast("decoder", new JstpMessageDecoder(link.codec));
        p.addLast("encoder", new CoalescingEncoder(new JstpWireWriter(link.codec)));
        p.addLast("client", new JstpClientHandler(this));
    }

    void onMessage(Channel ch, JstpMessage message) {
        if (ch == link.channel) {
            inbound.route(message);
        }
    }

    void onTransportError(Throwable cause) {
        link.emit(l -> l.onError(cause));
    }

    void onInactive(Channel ch) {
        if (ch != link.channel) {
            return;
        }
        link.channel = null;
        boolean wasUp = link.handshakeDone;
        link.handshakeDone = false;
        link.cancelHeartbeat();
        handshakes.transportClosed();
        if (link.closing || reconnector.running()) {
            return;
        }
        if (link.session != null && wasUp && reconnector.enabled()) {
            link.setState(ConnectionState.DISCONNECTED);
            reconnector.start();
        } else {
            link.pending.failAll(new ConnectionLostException("connection closed"));
            link.setState(ConnectionState.CLOSED);
            link.closing = true;
            shutdown();
        }
    }

    // ---- handshakes ----

    @Override
    public CompletableFuture<String> handshake(String app) {
        return handshake(JstpApp.parse(app));
    }

    @Override
    public CompletableFuture<String> handshake(JstpApp app) {
        CompletableFuture<String> result = new CompletableFuture<>();
        link.onLoop(result, () -> handshakes.newSession(app, null, null, null, result));
        return result;
    }

    @Override
    public CompletableFuture<String> handshake(String app, String login, String password) {
        JstpApp parsed = JstpApp.parse(app);
        CompletableFuture<String> result = new CompletableFuture<>();
        link.onLoop(result, () -> handshakes.newSession(parsed, "login", List.of(login, password), login, result));
        return result;
    }

    @Override
    public CompletableFuture<String> handshake(String app, String restoreSessionId) {
        JstpApp parsed = JstpApp.parse(app);
        CompletableFuture<String> result = new CompletableFuture<>();
        link.onLoop(result, () -> handshakes.restoreKnown(parsed, restoreSessionId, result));
        return result;
    }

    // ---- originated messages ----

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, Object... args) {
        return callMethod(iface, method, Arrays.asList(args), options.callTimeout());
    }

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args, Duration timeout) {
        List<Object> copy = new ArrayList<>(args);
        return link.<JstpMessage>originate("call " + iface + "." + method, timeout,
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
            if (issues > 1 && unwrap(e) instanceof JstpRemoteException r
                    && r.code() == JstpRemoteException.CALLBACK_LOST) {
                return withResend(iface, method, args, issues - 1);
            }
            return CompletableFuture.failedFuture(unwrap(e));
        });
    }

    @Override
    public void emitRemoteEvent(String iface, String event, Object... args) {
        List<Object> copy = new ArrayList<>(Arrays.asList(args));
        link.<Void>originate("event", null, n -> new JstpMessage.Event(n, iface, event, copy))
                .exceptionally(e -> {
                    link.emit(l -> l.onError(unwrap(e)));
                    return null;
                });
    }

    @Override
    public CompletableFuture<RemoteProxy> inspectInterface(String iface) {
        return link.<JstpMessage>originate("inspect " + iface, options.callTimeout(),
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
        return link.<JstpMessage>originate("ping", options.callTimeout(), JstpMessage.Ping::new)
                .thenApply(p -> Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void startHeartbeat(Duration interval) {
        link.loop.execute(() -> link.heartbeatInterval(interval));
    }

    @Override
    public void stopHeartbeat() {
        link.loop.execute(() -> link.heartbeatInterval(null));
    }

    // ---- lifecycle and properties ----

    @Override
    public CompletableFuture<Void> closeAsync() {
        if (link.state == ConnectionState.CLOSED || link.state == ConnectionState.RECONNECT_FAILED) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        link.onLoop(done, () -> {
            link.closing = true;
            reconnector.stop();
            link.cancelHeartbeat();
            link.pending.failAll(new ConnectionLostException("client closed"));
            Channel ch = link.channel;
            link.setState(ConnectionState.CLOSED);
            link.dispatcher.listener(() -> done.complete(null));
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
        link.dispatcher.listener(() -> {
            transport.close();
            link.dispatcher.close();
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SocketAddress remoteAddress() {
        return link.remoteAddress;
    }

    @Override
    public boolean handshakeDone() {
        return link.handshakeDone;
    }

    @Override
    public String username() {
        return link.username;
    }

    @Override
    public String session() {
        return link.sessionId;
    }

    @Override
    public String application() {
        return link.application;
    }

    @Override
    public Map<String, RemoteProxy> remoteProxies() {
        return Map.copyOf(proxies);
    }

    @Override
    public ConnectionState state() {
        return link.state;
    }

    /** Reconnector callbacks (event loop). */
    private final class ReconnectEvents implements Reconnector.Callbacks {
        @Override
        public void attempt(int attempt, Duration delay) {
            ReconnectAttempt event = new ReconnectAttempt(attempt, delay, options.tls() == null ? "net" : "tls",
                    options);
            link.emit(l -> l.onReconnectAttempt(event));
        }

        @Override
        public void succeeded(int attempt) {
            link.emit(l -> l.onReconnect(null));
            if (link.channel == null && !link.closing) {
                // lost again between the restore reply and this report: start over
                link.setState(ConnectionState.DISCONNECTED);
                reconnector.start();
            }
        }

        @Override
        public void attemptFailed(int attempt, Throwable error) {
            Throwable e = unwrap(error);
            link.emit(l -> l.onReconnect(e));
            if (link.channel != null) {
                link.channel.close();
            }
        }

        @Override
        public void gaveUp(Throwable lastError) {
            link.closing = true;
            link.pending.failAll(new ConnectionLostException("reconnection failed", unwrap(lastError)));
            link.setState(ConnectionState.RECONNECT_FAILED);
            shutdown();
        }
    }
}
