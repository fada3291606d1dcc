package io.tether.client.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.client.Backoff;
import io.tether.client.ClientTimeoutException;
import io.tether.client.ConnectionLostException;
import io.tether.client.ConnectionState;
import io.tether.client.ReconnectOptions;
import io.tether.client.testing.DemoServer;
import io.tether.client.testing.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SocketClientIT {
    private static DemoServer server;

    @BeforeAll
    static void start() {
        server = DemoServer.start(null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SocketClientOptions.Builder options() {
        return SocketClientOptions.builder().host("127.0.0.1").port(server.port())
                .requestTimeout(Duration.ofSeconds(3));
    }

    @Test
    void connectRunsDetailsAndActions() {
        try (SocketClient client = SocketClient.connect(options().build())) {
            assertThat(client.id()).isNotBlank();
            assertThat(client.welcome()).isNotBlank();
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            SocketReply r = client.action("randomNumber").join();
            assertThat(((Number) r.get("randomNumber")).doubleValue()).isBetween(0.0, 1.0);
            assertThat(r.error()).isNull();
            SocketReply cache = client.actionWithParams("cacheTest", Map.of("key", "myKey", "value", "myValue")).join();
            assertThat(cache.at("cacheTestResults", "loadResp", "value")).isEqualTo("myValue");
            assertThat(((Map<?, ?>) client.details().join().data()).get("id")).isEqualTo(client.id());
        }
    }

    @Test
    void stickyParamsFeedActions() {
        try (SocketClient client = SocketClient.connect(options().build())) {
            assertThatThrownBy(() -> client.action("cacheTest").join())
                    .hasCauseInstanceOf(SocketRemoteException.class)
                    .hasMessageContaining("key is a required parameter for this action");
            client.paramAdd("key", "stickyKey").join();
            client.paramAdd("value", "stickyValue").join();
            assertThat(client.paramView("key").join().data()).isEqualTo("stickyKey");
            SocketReply r = client.action("cacheTest").join();
            assertThat(r.at("cacheTestResults", "loadResp", "value")).isEqualTo("stickyValue");
            // per-call params overlay the sticky ones without replacing them
            SocketReply over = client.actionWithParams("cacheTest", Map.of("value", "override")).join();
            assertThat(over.at("cacheTestResults", "loadResp", "value")).isEqualTo("override");
            assertThat(client.action("cacheTest").join().at("cacheTestResults", "loadResp", "key"))
                    .isEqualTo("cacheTest_stickyKey");
            // the server's sticky params never keep a messageId
            assertThat(((Map<?, ?>) client.paramsView().join().data()).containsKey("messageId")).isFalse();
            client.paramDelete("value").join();
            assertThat(client.stickyParams()).containsOnlyKeys("key");
            assertThat(client.paramView("value").join().data()).isNull();
            client.paramsDelete().join();
            assertThat((Map<?, ?>) client.paramsView().join().data()).isEmpty();
            assertThat(client.stickyParams()).isEmpty();
            assertThat(client.paramAdd("key", "has space").isCompletedExceptionally()).isTrue();
            assertThat(client.paramAdd("messageId", "mine").isCompletedExceptionally()).isTrue();
            assertThat(client.action(null).isCompletedExceptionally()).isTrue();
            Map<String, Object> withNull = new java.util.HashMap<>();
            withNull.put("key", null);
            assertThatThrownBy(() -> client.actionWithParams("cacheTest", withNull).join())
                    .hasMessageContaining("key is a required parameter");
            // a per-call messageId cannot hijack the correlation
            assertThat(client.actionWithParams("randomNumber", Map.of("messageId", "x")).join().messageId())
                    .isNotEqualTo("x");
        }
    }

    @Test
    void manyCallsInFlightAreMatchedById() {
        try (SocketClient client = SocketClient.connect(options().build())) {
            List<CompletableFuture<SocketReply>> calls = new ArrayList<>();
            // 5 = server limit of simultaneous actions; verbs in between are not limited
            int[] sleeps = {400, 300, 200, 100, 0};
            for (int s : sleeps) {
                calls.add(client.actionWithParams("sleepTest", Map.of("sleepDuration", s)));
                calls.add(client.paramsView());
            }
            Set<Integer> durations = new HashSet<>();
            for (int i = 0; i < calls.size(); i += 2) {
                durations.add(((Number) calls.get(i).join().get("sleepDuration")).intValue());
                assertThat(calls.get(i + 1).join().get("status")).isEqualTo("OK");
            }
            assertThat(durations).containsExactlyInAnyOrder(400, 300, 200, 100, 0);
            assertThat(calls.get(0).join().get("sleepDuration")).isEqualTo(400);
            assertThat(calls.get(8).join().get("sleepDuration")).isEqualTo(0);
        }
    }

    @Test
    void callTimesOut() {
        List<String> timeouts = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onTimeout(String description) {
                timeouts.add(description);
            }
        };
        try (SocketClient client = SocketClient.connect(options().listener(l).build())) {
            CompletableFuture<SocketReply> slow = client.actionWithParams("sleepTest", Map.of("sleepDuration", 1500),
                    Duration.ofMillis(200));
            assertThatThrownBy(slow::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(ClientTimeoutException.class);
            await().untilAsserted(() -> assertThat(timeouts).containsExactly("action sleepTest"));
            // the late reply is ignored and the connection stays usable
            assertThat(client.action("randomNumber").join().get("randomNumber")).isNotNull();
        }
    }

    @Test
    void roomsAndChatBetweenTwoClients() {
        List<RoomMessage> heard = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onSay(RoomMessage message) {
                heard.add(message);
            }
        };
        try (SocketClient a = SocketClient.connect(options().listener(l).build());
             SocketClient b = SocketClient.connect(options().build())) {
            assertThat(a.roomAdd("defaultRoom").join().data()).isEqualTo(true);
            b.roomAdd("defaultRoom").join();
            assertThat(((Map<?, ?>) a.roomView("defaultRoom").join().data()).get("membersCount")).isEqualTo(2);
            b.say("defaultRoom", "hello  there").join();
            await().untilAsserted(() -> assertThat(heard).hasSize(1));
            assertThat(heard.getFirst().room()).isEqualTo("defaultRoom");
            assertThat(heard.getFirst().from()).isEqualTo(b.id());
            assertThat(heard.getFirst().message()).isEqualTo("hello  there");
            assertThatThrownBy(() -> a.roomAdd("noSuchRoom").join()).hasMessageContaining("room does not exist");
            assertThat(a.rooms()).containsExactly("defaultRoom");
            a.roomLeave("defaultRoom").join();
            assertThat(a.rooms()).isEmpty();
            assertThatThrownBy(() -> a.say("defaultRoom", "x").join())
                    .hasMessageContaining("connection not in this room (defaultRoom)");
        }
    }

    @Test
    void fileServesRawBytesAndNotFound() {
        try (SocketClient client = SocketClient.connect(options().build())) {
            byte[] content = client.file("hello.txt").join();
            assertThat(new String(content, StandardCharsets.UTF_8)).isNotEmpty().doesNotContain("\"status\"");
            assertThatThrownBy(() -> client.file("missing.txt").join()).hasMessageContaining("that file is not found");
            assertThat(client.action("randomNumber").join().get("randomNumber")).isNotNull();
        }
    }

    @Test
    void disconnectSaysGoodbyeAndFailsLaterCalls() {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                states.add(state);
            }

            @Override
            public void onWelcome(String welcome) {
                // listeners never run on the event loop ("tether-socket-client-io-N")
                seen.add(Thread.currentThread().getName().contains("-io-") ? "welcome on the event loop" : "welcome");
            }

            @Override
            public void onEnd() {
                seen.add("end");
            }
        };
        SocketClient client = SocketClient.connect(options().listener(l).build());
        client.disconnect().join();
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(() -> client.action("randomNumber").join()).hasCauseInstanceOf(ConnectionLostException.class);
        await().untilAsserted(() -> assertThat(states).containsExactly(ConnectionState.CONNECTED, ConnectionState.CLOSED));
        await().untilAsserted(() -> assertThat(seen).containsExactly("welcome", "end"));
    }

    @Test
    void reconnectRejoinsRoomsAndReaddsParams() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                states.add(state);
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             SocketClient client = SocketClient.connect(options().port(proxy.port()).listener(l)
                     .reconnect(ReconnectOptions.of(Backoff.constant(Duration.ofMillis(100)), 20)).build())) {
            client.paramAdd("key", "restoredKey").join();
            client.roomAdd("otherRoom").join();
            String firstId = client.id();
            proxy.refuse(true);
            proxy.cutAll();
            await().untilAsserted(() -> assertThat(states).contains(ConnectionState.DISCONNECTED,
                    ConnectionState.RECONNECTING));
            // made while offline: waits for the reconnection (default policy), then runs
            CompletableFuture<SocketReply> offline = client.actionWithParams("cacheTest", Map.of("value", "later"));
            proxy.refuse(false);
            await().untilAsserted(() -> assertThat(client.state()).isEqualTo(ConnectionState.RECONNECTED));
            assertThat(client.id()).isNotEqualTo(firstId);
            assertThat(offline.join().at("cacheTestResults", "loadResp", "key"))
                    .isEqualTo("cacheTest_restoredKey");
            SocketReply details = client.details().join();
            assertThat(((List<?>) ((Map<?, ?>) details.data()).get("rooms")).get(0)).isEqualTo("otherRoom");
            assertThat(client.paramView("key").join().data()).isEqualTo("restoredKey");
        }
    }

    @Test
    void failFastPolicyAndGivingUp() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                states.add(state);
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             SocketClient client = SocketClient.connect(options().port(proxy.port()).listener(l)
                     .whileDisconnected(DisconnectedPolicy.FAIL_FAST)
                     .reconnect(ReconnectOptions.of(Backoff.constant(Duration.ofMillis(50)), 3)).build())) {
            CompletableFuture<SocketReply> inFlight = client.actionWithParams("sleepTest", Map.of("sleepDuration", 2000));
            proxy.refuse(true);
            proxy.cutAll();
            assertThatThrownBy(inFlight::join).hasCauseInstanceOf(ConnectionLostException.class);
            assertThatThrownBy(() -> client.action("randomNumber").join())
                    .hasCauseInstanceOf(ConnectionLostException.class);
            await().untilAsserted(() -> assertThat(client.state()).isEqualTo(ConnectionState.RECONNECT_FAILED));
        }
    }

    @Test
    void waitingCallsKeepTheirDeadline() throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        SocketClientListener l = new SocketClientListener() {
            @Override
            public void onStateChange(ConnectionState state) {
                states.add(state);
            }
        };
        try (TcpProxy proxy = new TcpProxy(server.port());
             SocketClient client = SocketClient.connect(options().port(proxy.port()).listener(l)
                     .reconnect(ReconnectOptions.of(Backoff.constant(Duration.ofMillis(50)), 0)).build())) {
            proxy.refuse(true);
            proxy.cutAll();
            await().untilAsserted(() -> assertThat(states).contains(ConnectionState.DISCONNECTED));
            long start = System.nanoTime();
            CompletableFuture<SocketReply> waiting = client.actionWithParams("randomNumber", Map.of(),
                    Duration.ofMillis(300));
            assertThatThrownBy(waiting::join).hasCauseInstanceOf(ClientTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void connectFailsWhenNoServer() {
        assertThatThrownBy(() -> SocketClient.connect(options().port(1).build()))
                .isInstanceOf(ConnectionLostException.class).hasMessageContaining("cannot connect");
    }
}
