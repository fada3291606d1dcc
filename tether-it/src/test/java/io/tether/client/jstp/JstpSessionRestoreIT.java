package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.catchJoin;
import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.client.ConnectionState;
import io.tether.client.testing.JstpTestServer;
import io.tether.client.testing.TcpProxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JstpSessionRestoreIT {
    private static JstpTestServer server;

    @BeforeAll
    static void start() {
        server = JstpTestServer.start(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Records what the tests look at. */
    static class Recorder implements JstpClientListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<String> resets = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(String iface, String event, List<Object> args) {
            events.add(event + args);
        }

        @Override
        public void onStateChange(ConnectionState state) {
            states.add(state);
        }

        @Override
        public void onSessionReset(String oldSessionId, String newSessionId, int failedCalls) {
            resets.add(oldSessionId + "->" + newSessionId + ":" + failedCalls);
        }

        @Override
        public void onOutgoingMessage(String text) {
            sent.add(text);
        }
    }

    private static void goOffline(TcpProxy proxy, Recorder rec) {
        proxy.refuse(true);
        proxy.cutAll();
        await().untilAsserted(() -> assertThat(rec.states).contains(ConnectionState.DISCONNECTED));
    }

    private static void goOnline(TcpProxy proxy, JstpClient c) {
        proxy.refuse(false);
        await().untilAsserted(() -> assertThat(c.state()).isEqualTo(ConnectionState.RECONNECTED));
    }

    @Test
    void nothingIsLostEitherWay() throws Exception {
        Recorder rec = new Recorder();
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            String session = c.session();
            c.callMethod("testInterface", "setValue", "kept").join();
            c.callMethod("testInterface", "emitLater", 300, "late", "while you were away").join();
            goOffline(proxy, rec);
            Thread.sleep(400); // the server emits into the session buffer while we are offline
            CompletableFuture<List<Object>> offlineCall = c.callMethod("testInterface", "add", 2, 3);
            c.emitRemoteEvent("testInterface", "offlineEvent", "x");
            goOnline(proxy, c);
            assertThat(offlineCall.join()).containsExactly(5L);
            await().untilAsserted(() -> assertThat(rec.events).containsExactly("late[while you were away]"));
            assertThat(c.session()).isEqualTo(session);
            assertThat(c.callMethod("testInterface", "getValue").join()).containsExactly("kept");
            assertThat(c.callMethod("testInterface", "getClientEvents").join().getFirst())
                    .isEqualTo(List.of(List.of("offlineEvent", List.of("x"))));
            // the offline call was sent exactly once (after the restore reply) with its original id
            assertThat(rec.sent.stream().filter(t -> t.contains("add:[2,3]")).toList()).hasSize(1);
            assertThat(rec.sent.stream().filter(t -> t.contains("session:")).toList())
                    .allMatch(t -> t.startsWith("{handshake:[0,'testApp'],session:['" + session + "',"));
            assertThat(rec.resets).isEmpty();
        }
    }

    @Test
    void lostCallbackFailsWithMinusOneAndResendUsesOriginalArgs() throws Exception {
        Recorder rec = new Recorder();
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            // dropFirst: the server receives the call, then closes the transport without answering
            JstpRemoteException lost = (JstpRemoteException) catchJoin(c.callMethod("testInterface", "dropFirst"))
                    .getCause();
            assertThat(lost.code()).isEqualTo(JstpRemoteException.CALLBACK_LOST);
            assertThat(lost.getMessage()).isEqualTo("Connection closed before receiving callback");
            await().untilAsserted(() -> assertThat(c.state()).isEqualTo(ConnectionState.RECONNECTED));
            assertThat(c.callMethod("testInterface", "dropFirst").join()).containsExactly(2L);
        }
        Recorder rec2 = new Recorder();
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec2).build(), "testApp")) {
            c.callMethod("testInterface", "setValue", "v").join();
            assertThat(c.callMethodWithResend("testInterface", "dropFirst").join()).containsExactly(2L);
            assertThat(c.callMethodWithResend("testInterface", "add", 1, 2).join()).containsExactly(3L);
        }
    }

    @Test
    void forgottenSessionFallsBackToANewOne() throws Exception {
        Recorder rec = new Recorder();
        try (JstpTestServer other = JstpTestServer.start(null);
             TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            String first = c.session();
            CompletableFuture<List<Object>> pending = c.callMethod("testInterface", "delayedEcho",
                    List.of(2000, "x"), Duration.ofSeconds(5));
            proxy.retarget(other.port());
            proxy.cutAll();
            JstpRemoteException e = (JstpRemoteException) catchJoin(pending).getCause();
            assertThat(e.code()).isEqualTo(JstpRemoteException.CALLBACK_LOST);
            await().untilAsserted(() -> assertThat(rec.resets).hasSize(1));
            assertThat(rec.resets.getFirst()).startsWith(first + "->").endsWith(":1");
            assertThat(c.session()).isNotEqualTo(first);
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
            assertThat(c.callMethod("testInterface", "sessionId").join()).containsExactly(c.session());
        }
    }

    @Test
    void anotherClientRestoresAKnownSession() {
        JstpClientOptions noReconnect = options(server.port()).reconnect(io.tether.client.ReconnectOptions.disabled())
                .build();
        try (JstpClient first = JstpClient.connect(noReconnect, "testApp");
             JstpClient second = JstpClient.connect(options(server.port()).build())) {
            first.callMethod("testInterface", "setValue", "shared").join();
            assertThat(second.handshake("testApp", first.session()).join()).isEqualTo(first.session());
            assertThat(second.session()).isEqualTo(first.session());
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.callMethod("testInterface", "getValue").join()).containsExactly("shared");
            // the server closed the first transport when the session moved
            await().untilAsserted(() -> assertThat(first.state()).isEqualTo(ConnectionState.CLOSED));
        }
    }

    @Test
    void callsMadeWhileTheRestoreHandshakeIsInFlightAreSentOnceAfterTheReply() throws Exception {
        CompletableFuture<CompletableFuture<List<Object>>> duringRestore = new CompletableFuture<>();
        JstpClient[] self = new JstpClient[1];
        Recorder rec = new Recorder() {
            @Override
            public void onOutgoingMessage(String text) {
                super.onOutgoingMessage(text);
                if (text.contains("session:[") && !duringRestore.isDone()) {
                    duringRestore.complete(self[0].callMethod("testInterface", "add", 40, 2));
                }
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).build(), "testApp")) {
            self[0] = c;
            c.callMethod("calculator", "answer").join();
            proxy.delayReplies(300); // keeps the restore reply in flight while the call is made
            proxy.cutAll();
            assertThat(duringRestore.get(5, java.util.concurrent.TimeUnit.SECONDS).join()).containsExactly(42L);
            List<String> sent = List.copyOf(rec.sent);
            List<String> adds = sent.stream().filter(t -> t.contains("add:[40,2]")).toList();
            assertThat(adds).containsExactly("{call:[2,'testInterface'],add:[40,2]}");
            int handshake = -1;
            for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i).contains("session:[")) {
                    handshake = i;
                }
            }
            assertThat(sent.indexOf(adds.getFirst())).isGreaterThan(handshake);
        }
    }

    @Test
    void heartbeatRestartsAfterRestore() throws Exception {
        java.util.concurrent.atomic.AtomicInteger beats = new java.util.concurrent.atomic.AtomicInteger();
        Recorder rec = new Recorder() {
            @Override
            public void onHeartbeat() {
                beats.incrementAndGet();
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec)
                     .heartbeatInterval(Duration.ofMillis(50)).build(), "testApp")) {
            await().untilAsserted(() -> assertThat(beats.get()).isGreaterThan(2));
            goOffline(proxy, rec);
            goOnline(proxy, c);
            int afterRestore = beats.get();
            await().untilAsserted(() -> assertThat(beats.get()).isGreaterThan(afterRestore + 2));
            assertThat(rec.sent.stream().filter(t -> t.startsWith("{ping:[")).count()).isGreaterThan(5);
        }
    }

    @Test
    void theResendBufferIsBounded() throws Exception {
        Recorder rec = new Recorder();
        try (TcpProxy proxy = new TcpProxy(server.port());
             JstpClient c = JstpClient.connect(options(proxy.port()).listener(rec).maxBufferedMessages(3).build(),
                     "testApp")) {
            c.callMethod("calculator", "answer").join(); // acknowledged by its callback
            goOffline(proxy, rec);
            List<CompletableFuture<List<Object>>> offline = List.of(c.callMethod("calculator", "answer"),
                    c.callMethod("calculator", "answer"), c.callMethod("calculator", "answer"));
            assertThat(catchJoin(c.callMethod("calculator", "answer")))
                    .hasCauseInstanceOf(io.tether.client.ClientException.class)
                    .hasMessageContaining("session buffer full");
            goOnline(proxy, c);
            offline.forEach(f -> assertThat(f.join()).containsExactly(42L));
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
        }
    }
}
