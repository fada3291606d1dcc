package io.tether.client.jstp;

import static io.tether.client.jstp.JstpClientIT.catchJoin;
import static io.tether.client.jstp.JstpClientIT.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.client.ConnectionState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSTP client against a real {@code @metarhia/jstp@2.3.0} server (node). Fails — does not
 * skip — when node or the npm peers are missing ({@code tether-interop/install-peers.sh}).
 */
class JstpInteropIT {
    private static Process node;
    private static int port;

    @BeforeAll
    static void startNode() throws Exception {
        Path script = Path.of("src/test/node/jstp-interop-server.js").toAbsolutePath();
        assertThat(Path.of("../tether-interop/node_modules/@metarhia/jstp/package.json"))
                .as("@metarhia/jstp is not installed: run tether-interop/install-peers.sh").exists();
        node = new ProcessBuilder("node", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("node server did not start").isNotNull().startsWith("PORT ");
        port = Integer.parseInt(line.substring(5).trim());
        assertThat(Files.exists(script)).isTrue();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.getOutputStream().close();
            if (!node.waitFor(3, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void handshakeInspectCallsAndEventsBothWays() {
        JstpSessionRestoreIT.Recorder rec = new JstpSessionRestoreIT.Recorder();
        LocalApplication hosted = LocalApplication.builder()
                .method("clientApi", "hello", args -> List.of("hi " + args.getFirst()))
                .method("clientApi", "boom", args -> {
                    throw new JstpRemoteException(42, "custom", List.of());
                })
                .build();
        try (JstpClient c = JstpClient.connectAndInspect(options(port).listener(rec).application(hosted).build(),
                "interopApp@^1.0.0", "calculator", "interop")) {
            assertThat(c.session()).isNotBlank();
            assertThat(c.remoteProxies().get("calculator").methods()).containsExactlyInAnyOrder("answer", "add");
            assertThat(c.callMethod("calculator", "answer").join()).containsExactly(42L);
            assertThat(c.callMethod("calculator", "add", 2, 3).join()).containsExactly(5L);
            assertThat(((JstpRemoteException) catchJoin(c.callMethod("nope", "x")).getCause()).code()).isEqualTo(12);
            assertThat(((JstpRemoteException) catchJoin(c.callMethod("calculator", "add", 1)).getCause()).code())
                    .isEqualTo(17);
            // events server -> client (listener and proxy)
            List<Object> viaProxy = new java.util.concurrent.CopyOnWriteArrayList<>();
            c.remoteProxies().get("interop").on("news", viaProxy::add);
            c.callMethod("interop", "emitBack", "news", "hello").join();
            await().untilAsserted(() -> assertThat(viaProxy).containsExactly(List.of("hello")));
            // events client -> server
            c.emitRemoteEvent("interop", "clientSaid", "x", 1);
            assertThat(c.callMethod("interop", "clientEvents").join().getFirst())
                    .isEqualTo(List.of(List.of("clientSaid", List.of("x", 1L))));
            // the server calls and inspects the client's hosted interface
            assertThat(c.callMethod("interop", "callClient", "clientApi", "hello", List.of("bob")).join())
                    .containsExactly(List.of("ok", List.of("hi bob")));
            assertThat(c.callMethod("interop", "callClient", "clientApi", "boom", List.of()).join())
                    .containsExactly(List.of("error", 42L));
            assertThat(c.callMethod("interop", "callClient", "noApi", "x", List.of()).join())
                    .containsExactly(List.of("error", 12L));
            assertThat(c.callMethod("interop", "inspectClient", "clientApi").join().getFirst())
                    .asList().element(1).asList().contains("hello", "boom");
            assertThat(c.ping().join()).isPositive();
        }
    }

    @Test
    void sessionRestoreWithTheReferenceServer() {
        JstpSessionRestoreIT.Recorder rec = new JstpSessionRestoreIT.Recorder();
        try (JstpClient c = JstpClient.connect(options(port).listener(rec).build(), "interopApp")) {
            String session = c.session();
            c.callMethod("interop", "emitLater", 300, "late", "while you were away").join();
            CompletableFuture<List<Object>> dropped = c.callMethod("interop", "dropTransport");
            await().untilAsserted(() -> assertThat(rec.states).contains(ConnectionState.DISCONNECTED));
            CompletableFuture<List<Object>> offline = c.callMethod("calculator", "add", 20, 22);
            JstpRemoteException lost = (JstpRemoteException) catchJoin(dropped).getCause();
            assertThat(lost.code()).isEqualTo(JstpRemoteException.CALLBACK_LOST);
            assertThat(offline.join()).containsExactly(42L);
            await().untilAsserted(() -> assertThat(rec.events).containsExactly("late[while you were away]"));
            assertThat(c.session()).isEqualTo(session);
            assertThat(c.callMethod("interop", "sessionId").join()).containsExactly(session);
            assertThat(rec.resets).isEmpty();
        }
    }
}
