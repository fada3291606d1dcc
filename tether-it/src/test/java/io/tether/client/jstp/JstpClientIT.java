package io.tether.client.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.client.Backoff;
import io.tether.client.ClientTimeoutException;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.ReconnectOptions;
import io.tether.client.testing.JstpTestServer;
import io.tether.client.testing.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JstpClientIT {
    private static JstpTestServer server;

    @BeforeAll
    static void start() {
        server = JstpTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JstpClientOptions.Builder options(int port) {
        return JstpClientOptions.builder().host("127.0.0.1").port(port).callTimeout(Duration.ofSeconds(3))
                .reconnect(ReconnectOptions.of(Backoff.constant(Duration.ofMillis(100)), 30));
    }

    private static JstpRemoteException remote(Throwable t) {
        Throwable e = t instanceof CompletionException ? t.getCause() : t;
        assertThat(e).isInstanceOf(JstpRemoteException.class);
        return (JstpRemoteException) e;
    }

    @Test
    void handshakeVariants() {
        try (JstpClient c = JstpClient.connect(options(server.port()).build(), "testApp")) {
            assertThat(c.session()).isNotBlank();
            assertThat(c.handshakeDone()).isTrue();
            assertThat(c.username()).isNull();
            assertThat(c.application()).isEqualTo("testApp");
            assertThat(c.remoteAddress()).isNotNull();
            assertThat(c.callMethod("testInterface", "appVersion").join()).containsExactly("2.0.0");
            assertThat(c.callMethod("testInterface", "sessionId").join()).containsExactly(c.session());
        }
        try (JstpClient c = JstpClient.connect(options(server.port()).build(), "testApp@^1.0.0")) {
            assertThat(c.callMethod("testInterface", "appVersion").join()).containsExactly("1.0.0");
        }
        try (JstpClient c = JstpClient.connect(options(server.port()).build())) {
            c.handshake("testApp", "user", "secret").join();
            assertThat(c.username()).isEqualTo("user");
            assertThat(c.callMethod("testInterface", "whoami").join()).containsExactly("user");
        }
        try (JstpClient c = JstpClient.connect(options(server.port()).build())) {
            assertThat(remote(catchJoin(c.handshake("testApp", "user", "bad"))).code()).isEqualTo(11);
        }
        try (JstpClient c = JstpClient.connect(options(server.port()).build())) {
            JstpRemoteException e = remote(catchJoin(c.handshake(JstpApp.of("testApp", "^3.0.0"))));
            assertThat(e.code()).isEqualTo(10);
            assertThat(e.getMessage()).isEqualTo("Application not found");
        }
        assertThatThrownBy(() -> JstpClient.connect(options(server.port()).build(), "noApp"))
                .isInstanceOf(JstpRemoteException.class).hasMessage("Application not found");
        assertThatThrownBy(() -> JstpClient.connectAndInspect(options(server.port()).build(), "testApp", "nope"))
                .isInstanceOf(JstpRemoteException.class).hasMessage("Interface not found");
        assertThatThrownBy(() -> JstpApp.parse("testApp@not a range ^^"))
                .hasMessageContaining("Invalid semver version range");
        assertThat(JstpApp.parse("@scope/app@1.x")).isEqualTo(JstpApp.of("@scope/app", "1.x"));
    }

    static Throwable catchJoin(CompletableFuture<?> f) {
        try {
            f.join();
        } catch (CompletionException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void inspectCallsAndErrors() {
        try (JstpClient c = JstpClient.connectAndInspect(options(server.port()).build(), "testApp",
                "calculator", "testInterface")) {
            RemoteProxy calc = c.remoteProxies().get("calculator");
            assertThat(calc.methods()).containsExactlyInAnyOrder("answer", "divide", "doNothing");
            assertThat(calc.call("answer").join()).containsExactly(42L);
            assertThat(calc.call("divide", 10, 4).join()).containsExactly(2.5);
            assertThat(calc.call("doNothing").join()).isEmpty();
            assertThat(c.callMethod("testInterface", "multiResult").join()).containsExactly(1L, "two", List.of(3L));
            JstpRemoteException zero = remote(catchJoin(calc.call("divide", 1, 0)));
            assertThat(zero.code()).isEqualTo(1);
            assertThat(zero.getMessage()).isEqualTo("Zero division");
            assertThat(remote(catchJoin(c.callMethod("nope", "x"))).getMessage()).isEqualTo("Interface not found");
            assertThat(remote(catchJoin(c.callMethod("calculator", "nope"))).code()).isEqualTo(14);
            assertThat(remote(catchJoin(c.callMethod("calculator", "answer", 1))).code()).isEqualTo(17);
            assertThat(remote(catchJoin(c.callMethod("testInterface", "throwError"))).code()).isEqualTo(16);
            JstpRemoteException custom = remote(catchJoin(c.callMethod("testInterface", "fail", 42, "custom")));
            assertThat(custom.code()).isEqualTo(42);
            assertThat(custom.getMessage()).isEqualTo("custom");
            assertThat(remote(catchJoin(c.inspectInterface("nope"))).code()).isEqualTo(12);
            assertThat(c.ping().join()).isPositive();
        }
    }

    @Test
    void eventsBothWays() {
        List<String> heard = new CopyOnWriteArrayList<>();
        JstpClientListener l = new JstpClientListener() {
            @Override
            public void onEvent(String iface, String event, List<Object> args) {
                heard.add("listener:" + iface + "." + event + args);
            }
        };
        try (JstpClient c = JstpClient.connectAndInspect(options(server.port()).listener(l).build(), "testApp",
                "testInterface")) {
            RemoteProxy ti = c.remoteProxies().get("testInterface");
            ti.on("news", args -> heard.add("proxy:" + args));
            ti.call("emitBack", "news", "hello").join();
            await().untilAsserted(() -> assertThat(heard)
                    .containsExactly("listener:testInterface.news[hello]", "proxy:[hello]"));
            c.emitRemoteEvent("testInterface", "clientSaid", "a", 1);
            ti.emit("second");
            assertThat(c.callMethod("testInterface", "getClientEvents").join().getFirst())
                    .isEqualTo(List.of(List.of("clientSaid", List.of("a", 1L)), List.of("second", List.of())));
        }
    }

    @Test
    void manyCallsInFlightAndTimeouts() {
        try (JstpClient c = JstpClient.connect(options(server.port()).build(), "testApp")) {
            List<CompletableFuture<List<Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(c.callMethod("testInterface", "delayedEcho", (20 - i) * 10, i));
            }
            List<Object> order = new CopyOnWriteArrayList<>();
            calls.forEach(f -> f.thenAccept(r -> order.add(r.getFirst())));
            for (int i = 0; i < 20; i++) {
                assertThat(calls.get(i).join()).containsExactly((long) i);
            }
            assertThat(order.getFirst()).isNotEqualTo(0L);
            CompletableFuture<List<Object>> slow = c.callMethod("testInterface", "delayedEcho",
                    List.of(1000, "late"), Duration.ofMillis(100));
            assertThat(catchJoin(slow)).hasCauseInstanceOf(ClientTimeoutException.class);
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
        }
    }

    @Test
    void anArgumentMdsfCannotCarryFailsTheCallWithoutConsumingAnId() {
        List<String> sent = new CopyOnWriteArrayList<>();
        JstpClientListener l = new JstpClientListener() {
            @Override
            public void onOutgoingMessage(String text) {
                sent.add(text);
            }
        };
        try (JstpClient c = JstpClient.connect(options(server.port()).listener(l).build(), "testApp")) {
            assertThat(catchJoin(c.callMethod("testInterface", "echo", new Object()))).isNotNull();
            assertThat(c.callMethod("testInterface", "echo", "ok").join()).containsExactly("ok");
            await().untilAsserted(() -> assertThat(sent).contains("{call:[1,'testInterface'],echo:['ok']}"));
        }
    }

    @Test
    void theListenerSeesEachReceivedMessageAsKindIdAndText() {
        List<IncomingMessage> received = new CopyOnWriteArrayList<>();
        JstpClientListener l = new JstpClientListener() {
            @Override
            public void onIncomingMessage(IncomingMessage message) {
                received.add(message);
            }
        };
        try (JstpClient c = JstpClient.connect(options(server.port()).listener(l).build(), "testApp")) {
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
            await().untilAsserted(() -> assertThat(received).contains(
                    new IncomingMessage("callback", 1, "{callback:[1],ok:[42]}")));
            IncomingMessage handshake = received.getFirst();
            assertThat(handshake.kind()).isEqualTo("handshake");
            assertThat(handshake.id()).isZero();
            assertThat(handshake.text()).isEqualTo("{handshake:[0],ok:'" + c.session() + "'}");
        }
    }

    @Test
    void callsBeforeHandshakeAndAfterCloseFail() {
        JstpClient c = JstpClient.connect(options(server.port()).build());
        assertThat(catchJoin(c.callMethod("calculator", "answer"))).hasCauseInstanceOf(IllegalStateException.class);
        c.close();
        assertThat(c.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(catchJoin(c.callMethod("calculator", "answer"))).hasCauseInstanceOf(ConnectionLostException.class);
    }

    @Test
    void heartbeatPings() {
        List<String> beats = new CopyOnWriteArrayList<>();
        JstpClientListener l = new JstpClientListener() {
            @Override
            public void onHeartbeat() {
                beats.add("beat");
            }
        };
        try (JstpClient c = JstpClient.connect(options(server.port()).listener(l).build(), "testApp")) {
            c.startHeartbeat(Duration.ofMillis(50));
            await().untilAsserted(() -> assertThat(beats).hasSizeGreaterThan(3));
            c.stopHeartbeat();
        }
    }
}
