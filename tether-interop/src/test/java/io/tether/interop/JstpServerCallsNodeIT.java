package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpPeer;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server calls the real {@code @metarhia/jstp@2.3.0} client, which hosts an application
 * ({@code jstp-server-calls.js}): calls and their results, inspect, events, a call with resend
 * across a transport the client drops and restores, and a per-connection heartbeat that starts
 * and stops (pings counted by the client).
 */
class JstpServerCallsNodeIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Map<String, JstpPeer> PEERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> RESTORES = new ConcurrentHashMap<>();
    private static TetherServer server;
    private NodeProcess node;
    private JstpPeer peer;

    @BeforeAll
    static void start() {
        JstpApplication app = JstpApplication.builder("peerApp", "1.0.0")
                .iface(JstpInterface.builder("server")
                        .nonBlocking("whoami", 0, ctx -> List.of(ctx.jstpPeer().orElseThrow().sessionId()))
                        .build())
                .onClient((p, restored) -> {
                    PEERS.put(p.sessionId(), p);
                    if (restored) {
                        RESTORES.merge(p.sessionId(), 1, Integer::sum);
                    }
                })
                .build();
        TetherCore core = TetherCore.builder().build();
        JstpOptions options = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0).application(app).build();
        server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        node = NodeProcess.start(NodeScript.peerFile("../src/test/node/jstp-server-calls.js").normalize(),
                Map.of(), "127.0.0.1", String.valueOf(server.port("jstp")));
        String id = node.await("READY ").substring("READY ".length()).trim();
        peer = PEERS.get(id);
        assertThat(peer).as("the client listener saw session %s", id).isNotNull();
    }

    @AfterEach
    void quit() throws Exception {
        node.type("quit");
        node.exited(10);
        node.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static TetherException failure(CompletableFuture<?> f) throws Exception {
        Throwable t = f.handle((v, e) -> e).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (t instanceof CompletionException wrapped) {
            t = wrapped.getCause();
        }
        assertThat(t).isInstanceOf(TetherException.class);
        return (TetherException) t;
    }

    @Test
    void theServerCallsTheNodeClientAndInspectsIt() throws Exception {
        assertThat(get(peer.callMethod("clientApi", "hello", List.of("server")))).containsExactly("hi server");
        node.await("CALL hello [\"server\"]");
        assertThat(get(peer.callMethod("clientApi", "add", List.of(2, 3)))).containsExactly(5L);
        assertThat(failure(peer.callMethod("clientApi", "nope", List.of())).protocolCode()).hasValue(14);
        assertThat(failure(peer.callMethod("nothing", "x", List.of())).protocolCode()).hasValue(12);
        assertThat(failure(peer.callMethod("clientApi", "add", List.of(1))).protocolCode()).hasValue(17);
        assertThat(get(peer.inspectInterface("clientApi"))).containsExactlyInAnyOrder("hello", "add", "flaky");
        assertThat(get(get(peer.remoteProxy("clientApi")).call("add", 40, 2))).containsExactly(42L);
        assertThat(get(peer.ping())).isPositive();
        assertThat(peer.emitRemoteEvent("news", "flash", List.of("extra"))).isTrue();
        node.await("EVENT news.flash [\"extra\"]");
        assertThat(peer.remoteAddress()).isEqualTo("127.0.0.1");
        assertThat(peer.application()).isEqualTo("peerApp");
    }

    @Test
    void aCallWithResendIsAnsweredAfterTheClientRestoresItsDroppedTransport() throws Exception {
        CompletableFuture<List<Object>> call = peer.callMethodWithResend("clientApi", "flaky", List.of(), WAIT);
        node.await("CALL flaky [1]");
        node.await("RECONNECTED null");
        assertThat(get(call)).containsExactly("run 2");
        node.await("CALL flaky [2]");
        assertThat(RESTORES.get(peer.sessionId())).isEqualTo(1);
        assertThat(get(peer.callMethod("clientApi", "hello", List.of("after")))).containsExactly("hi after");
    }

    @Test
    void aPerConnectionHeartbeatStartsAndStopsOnTheWire() throws Exception {
        peer.startHeartbeat(Duration.ofMillis(200));
        node.await("PING ");
        node.await("PING ");
        node.await("PING ");
        peer.stopHeartbeat();
        Thread.sleep(1_000); // a ping already on its way may still arrive
        long before = node.seen().stream().filter(l -> l.startsWith("PING ")).count();
        assertThat(get(peer.callMethod("clientApi", "hello", List.of("marker")))).containsExactly("hi marker");
        node.await("CALL hello [\"marker\"]"); // everything printed before the marker has been read
        Thread.sleep(1_500); // wall clock: no ping may follow the stop for 1.5 s (the node peer prints each one)
        assertThat(peer.callMethod("clientApi", "hello", List.of("end")).get(20, TimeUnit.SECONDS)).isNotEmpty();
        node.await("CALL hello [\"end\"]");
        long after = node.seen().stream().filter(l -> l.startsWith("PING ")).count();
        assertThat(after).as("no ping after stopHeartbeat").isEqualTo(before);
        assertThat(before).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closingEndsTheNodeClientsSession() throws Exception {
        peer.close();
        await().atMost(WAIT).until(peer::isClosed);
        assertThat(failure(peer.callMethod("clientApi", "hello", List.of("x"))).code())
                .isEqualTo(ErrorCode.SESSION_CLOSED);
    }
}
