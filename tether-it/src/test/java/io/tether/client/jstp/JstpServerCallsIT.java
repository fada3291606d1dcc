package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.Action;
import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpPeer;
import io.tether.api.jstp.RemoteInterface;
import io.tether.client.ConnectionState;
import io.tether.client.testing.TcpProxy;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server calls, inspects and pings a Tether Java client that hosts an application, over real
 * sockets: from a session listener (the {@code client} event), from a JSTP method, from an action
 * called over JSTP, and across a dropped and restored transport.
 */
class JstpServerCallsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Peers by session id, as the application's client listener saw them (restored or not). */
    private static final Map<String, List<String>> CLIENT_EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, JstpPeer> PEERS = new ConcurrentHashMap<>();
    private static final List<Boolean> MIDDLEWARE_SAW_PEER = new CopyOnWriteArrayList<>();
    private static TetherServer server;

    @BeforeAll
    static void start() {
        JstpApplication app = JstpApplication.builder("peerApp", "1.0.0")
                .iface(JstpInterface.builder("server")
                        .method("askClient", 1, ctx -> ctx.jstpPeer().orElseThrow()
                                .callMethod("clientApi", "hello", List.of(ctx.arg(0))).join())
                        .build())
                .onClient((peer, restored) -> {
                    PEERS.put(token(peer), peer);
                    CLIENT_EVENTS.computeIfAbsent(token(peer), k -> new CopyOnWriteArrayList<>())
                            .add(restored ? "restored" : "created");
                })
                .build();
        Action askAction = Action.named("askClientAction")
                .handler(ctx -> Map.of("answer", ctx.jstpPeer().orElseThrow()
                        .callMethod("clientApi", "hello", List.of("action")).join().get(0)))
                .build();
        ActionMiddleware seer = new ActionMiddleware() {
            @Override
            public String name() {
                return "peer-seer";
            }

            @Override
            public void before(CallContext context) {
                MIDDLEWARE_SAW_PEER.add(context.jstpPeer().isPresent());
            }
        };
        TetherCore core = TetherCore.builder().action(askAction).middleware(seer).build();
        JstpOptions options = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0).application(app)
                .maxInFlightCalls(8).build();
        server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options)).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The listener sees the peer before the session id is known to the test: key by public id. */
    private static String token(JstpPeer peer) {
        return peer.sessionId();
    }

    private static JstpPeer peerOf(JstpClient client) {
        await().atMost(WAIT).until(() -> PEERS.values().stream().anyMatch(p -> matches(p, client)));
        return PEERS.values().stream().filter(p -> matches(p, client)).findFirst().orElseThrow();
    }

    /** The server-side peer whose session the client holds: it answers a call only that client hosts. */
    private static boolean matches(JstpPeer peer, JstpClient client) {
        return peer.isConnected() && peer.callMethod("clientApi", "whoami", List.of(), WAIT)
                .handle((v, e) -> v != null && client.session().equals(v.get(0))).join();
    }

    private static LocalApplication hosted(JstpClient[] self, AtomicInteger calls) {
        return LocalApplication.builder()
                .method("clientApi", "hello", args -> {
                    calls.incrementAndGet();
                    return List.of("hi " + args.get(0));
                })
                .method("clientApi", "whoami", args -> List.of(self[0].session()))
                .build();
    }

    private static JstpClient connect(int port, LocalApplication app, JstpClientListener listener) {
        return JstpClient.connect(options(port).application(app).listener(listener).build(), "peerApp");
    }

    private static TetherException failure(java.util.concurrent.CompletableFuture<?> f) throws Exception {
        Throwable t = f.handle((v, e) -> e).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (t instanceof java.util.concurrent.CompletionException wrapped) { // a stage derived from the call
            t = wrapped.getCause();
        }
        assertThat(t).isInstanceOf(TetherException.class);
        return (TetherException) t;
    }

    @Test
    void theServerCallsInspectsPingsAndSendsEventsToItsClient() throws Exception {
        JstpClient[] self = new JstpClient[1];
        AtomicInteger calls = new AtomicInteger();
        List<String> events = new CopyOnWriteArrayList<>();
        JstpClientListener rec = new JstpClientListener() {
            @Override
            public void onEvent(String iface, String event, List<Object> args) {
                events.add(iface + "." + event + args);
            }
        };
        try (JstpClient c = connect(server.port("jstp"), hosted(self, calls), rec)) {
            self[0] = c;
            JstpPeer peer = peerOf(c);
            assertThat(CLIENT_EVENTS.get(peer.sessionId())).containsExactly("created");
            assertThat(peer.application()).isEqualTo("peerApp");
            assertThat(peer.applicationVersion()).isEqualTo("1.0.0");
            assertThat(peer.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(peer.username()).isNull();
            assertThat(peer.isConnected()).isTrue();

            assertThat(peer.callMethod("clientApi", "hello", List.of("server")).get(20, TimeUnit.SECONDS))
                    .containsExactly("hi server");
            TetherException unknown = failure(peer.callMethod("clientApi", "nope", List.of()));
            assertThat(unknown.protocolCode()).hasValue(JstpRemoteException.METHOD_NOT_FOUND);
            assertThat(failure(peer.callMethod("elsewhere", "x", List.of())).protocolCode())
                    .hasValue(JstpRemoteException.INTERFACE_NOT_FOUND);

            assertThat(peer.inspectInterface("clientApi").get(20, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrder("hello", "whoami");
            RemoteInterface proxy = peer.remoteProxy("clientApi").get(20, TimeUnit.SECONDS);
            assertThat(proxy.call("hello", "proxy").get(20, TimeUnit.SECONDS)).containsExactly("hi proxy");
            assertThat(failure(peer.inspectInterface("nothing")).protocolCode())
                    .hasValue(JstpRemoteException.INTERFACE_NOT_FOUND);

            assertThat(peer.ping().get(20, TimeUnit.SECONDS)).isPositive();
            assertThat(peer.emitRemoteEvent("news", "flash", List.of(1, "two"))).isTrue();
            await().atMost(WAIT).untilAsserted(() -> assertThat(events).contains("news.flash[1, two]"));
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @Test
    void aMethodAnActionAndAMiddlewareReachTheCallingClient() {
        JstpClient[] self = new JstpClient[1];
        try (JstpClient c = connect(server.port("jstp"), hosted(self, new AtomicInteger()),
                new JstpClientListener() { })) {
            self[0] = c;
            assertThat(c.callMethod("server", "askClient", "method").join()).containsExactly("hi method");
            MIDDLEWARE_SAW_PEER.clear();
            List<Object> reply = c.callMethod("api", "askClientAction").join();
            assertThat(reply.get(0)).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) reply.get(0)).get("answer")).isEqualTo("hi action");
            assertThat(MIDDLEWARE_SAW_PEER).isNotEmpty().allMatch(b -> b);
        }
    }

    @Test
    void aCallWithResendSurvivesALostAnswerAndAPlainCallFailsWithCallbackLost() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger disconnects = new AtomicInteger();
        JstpClientListener states = new JstpClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                if (state == ConnectionState.DISCONNECTED) {
                    disconnects.incrementAndGet();
                }
            }
        };
        JstpClient[] self = new JstpClient[1];
        try (TcpProxy proxy = new TcpProxy(server.port("jstp"))) {
            LocalApplication app = LocalApplication.builder()
                    .method("clientApi", "whoami", args -> List.of(self[0].session()))
                    .method("clientApi", "flaky", args -> {
                        if (runs.incrementAndGet() == 1) { // the first run loses its answer with the transport
                            proxy.cutAll();
                            await().atMost(WAIT).until(() -> self[0].state() != ConnectionState.CONNECTED);
                        }
                        return List.of("run " + runs.get());
                    })
                    .method("clientApi", "lossy", args -> {
                        int before = disconnects.get();
                        proxy.cutAll();
                        await().atMost(WAIT).until(() -> disconnects.get() > before);
                        return List.of("never arrives");
                    })
                    .build();
            try (JstpClient c = connect(proxy.port(), app, states)) {
                self[0] = c;
                JstpPeer peer = peerOf(c);
                List<Object> answer = peer.callMethodWithResend("clientApi", "flaky", List.of(), WAIT)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(answer).containsExactly("run 2");
                assertThat(CLIENT_EVENTS.get(peer.sessionId())).containsExactly("created", "restored");
                await().atMost(WAIT).until(() -> c.state() == ConnectionState.RECONNECTED && peer.isConnected());
                TetherException lost = failure(peer.callMethod("clientApi", "lossy", List.of(), WAIT));
                assertThat(lost.code()).isEqualTo(ErrorCode.CALLBACK_LOST);
            }
        }
    }

    @Test
    void aCallMadeWhileTheClientIsAwayIsDeliveredOnRestore() throws Exception {
        JstpClient[] self = new JstpClient[1];
        AtomicInteger calls = new AtomicInteger();
        try (TcpProxy proxy = new TcpProxy(server.port("jstp"));
             JstpClient c = connect(proxy.port(), hosted(self, calls), new JstpClientListener() { })) {
            self[0] = c;
            JstpPeer peer = peerOf(c);
            proxy.refuse(true);
            proxy.cutAll();
            await().atMost(WAIT).until(() -> !peer.isConnected());
            var call = peer.callMethod("clientApi", "hello", List.of("later"), WAIT);
            Thread.sleep(300); // wall clock: the call stays pending while the client is away
            assertThat(call).isNotDone();
            proxy.refuse(false);
            assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("hi later");
        }
    }

    @Test
    void aPerConnectionHeartbeatStartsAndStopsOnTheWire() throws Exception {
        JstpClient[] self = new JstpClient[1];
        AtomicInteger pings = new AtomicInteger();
        JstpClientListener rec = new JstpClientListener() {
            @Override
            public void onIncomingMessage(IncomingMessage message) {
                if (message.kind().equals("ping")) {
                    pings.incrementAndGet();
                }
            }
        };
        try (JstpClient c = connect(server.port("jstp"), hosted(self, new AtomicInteger()), rec)) {
            self[0] = c;
            JstpPeer peer = peerOf(c);
            int before = pings.get();
            peer.startHeartbeat(Duration.ofMillis(100));
            await().atMost(WAIT).until(() -> pings.get() >= before + 3);
            peer.stopHeartbeat();
            // stopped: no ping for 1 s (100 ms apart while running), once one already on its way has arrived
            AtomicInteger seen = new AtomicInteger(pings.get());
            await().atMost(WAIT).during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> seen.getAndSet(pings.get()) == seen.get());
        }
    }

    @Test
    void closingEndsTheSessionAndFailsPendingCalls() throws Exception {
        JstpClient[] self = new JstpClient[1];
        LocalApplication app = LocalApplication.builder()
                .method("clientApi", "whoami", args -> List.of(self[0].session()))
                .method("clientApi", "slow", args -> {
                    Thread.sleep(5_000); // a client method slower than the server's deadline
                    return List.of();
                })
                .build();
        try (JstpClient c = connect(server.port("jstp"), app, new JstpClientListener() { })) {
            self[0] = c;
            JstpPeer peer = peerOf(c);
            var pending = peer.callMethod("clientApi", "slow", List.of());
            peer.close();
            assertThat(failure(pending).code()).isEqualTo(ErrorCode.SESSION_CLOSED);
            assertThat(peer.isClosed()).isTrue();
            assertThat(failure(peer.callMethod("clientApi", "whoami", List.of())).code())
                    .isEqualTo(ErrorCode.SESSION_CLOSED);
        }
    }

    @Test
    void serverCallsShareTheConnectionsInFlightLimit() throws Exception {
        JstpClient[] self = new JstpClient[1];
        LocalApplication app = LocalApplication.builder()
                .method("clientApi", "whoami", args -> List.of(self[0].session()))
                .method("clientApi", "slow", args -> {
                    Thread.sleep(1_000); // a client method slower than the server's deadline
                    return List.of("done");
                })
                .build();
        try (JstpClient c = connect(server.port("jstp"), app, new JstpClientListener() { })) {
            self[0] = c;
            JstpPeer peer = peerOf(c);
            List<java.util.concurrent.CompletableFuture<List<Object>>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(peer.callMethod("clientApi", "slow", List.of(), WAIT));
            }
            assertThat(failure(peer.callMethod("clientApi", "slow", List.of())).code())
                    .isEqualTo(ErrorCode.TOO_MANY_PENDING);
            for (var call : calls) {
                assertThat(call.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly("done");
            }
        }
    }
}
