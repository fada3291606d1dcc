package io.tether.server.primus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Primus endpoint frame by frame, with the JDK's WebSocket client: welcome, Primus' heartbeat
 * (answered: the connection stays; unanswered: closed), {@code primus::id::}, replies with the
 * client's messageId or a fresh one, verb errors, frames that are not JSON or not objects
 * (a clear error, the connection goes on), quit, and the listener's shutdown
 * ({@code "primus::server::close"}, then 1001).
 */
class PrimusEndpointIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private TetherCore core;
    private TetherServer server;

    @BeforeEach
    void start() {
        core = TetherCore.builder()
                .action(Action.named("echo").input(Input.named("word").required()).handler(ctx ->
                        Map.of("word", ctx.params().string("word"))).nonBlocking().build())
                .room("defaultRoom").build();
        PrimusEndpoint primus = new PrimusEndpoint(core, PrimusOptions.defaults().toBuilder()
                .welcomeMessage("hi").pingInterval(Duration.ofSeconds(1)).build());
        server = TetherServer.builder(core)
                .protocol(new HttpProtocolServer(core, HttpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                        .build(), primus.addTo(WebRoutes.builder()).build()))
                .closeAfter(core).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void welcomeRepliesAndErrors() throws Exception {
        try (Client c = connect(true)) {
            JsonNode welcome = c.json();
            assertThat(welcome.toString()).isEqualTo("{\"welcome\":\"hi\",\"context\":\"api\"}");

            c.send("{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"word\":\"abc\"},\"messageId\":5}");
            assertThat(c.json().toString()).isEqualTo("{\"word\":\"abc\",\"context\":\"response\",\"messageId\":5}");
            c.send("{\"event\":\"action\",\"params\":{\"action\":\"echo\"},\"messageId\":\"m6\"}");
            JsonNode invalid = c.json();
            assertThat(invalid.get("error").asString()).contains("word");
            assertThat(invalid.get("messageId").asString()).isEqualTo("m6");
            c.send("{\"event\":\"detailsView\"}");
            JsonNode details = c.json();
            assertThat(details.get("status").asString()).isEqualTo("OK");
            assertThat(details.get("messageId").asString()).hasSize(36); // a fresh UUID

            c.send("{\"event\":\"roomView\",\"room\":\"defaultRoom\",\"messageId\":7}");
            assertThat(c.json().toString()).isEqualTo("{\"status\":\"Error: connection not in this room (defaultRoom)\","
                    + "\"error\":\"Error: connection not in this room (defaultRoom)\",\"context\":\"response\","
                    + "\"data\":{},\"messageId\":7}");
            c.send("{\"event\":\"roomAdd\",\"room\":\"defaultRoom\",\"messageId\":8}");
            assertThat(c.json().toString()).isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"data\":true,"
                    + "\"messageId\":8}");
            c.send("{\"event\":\"say\",\"room\":\"defaultRoom\",\"message\":\"hello\",\"messageId\":9}");
            JsonNode first = c.json();
            JsonNode second = c.json();
            JsonNode ok = first.has("status") ? first : second;
            JsonNode chat = first.has("status") ? second : first;
            assertThat(ok.toString()).isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"messageId\":9}");
            assertThat(chat.get("message").asString()).isEqualTo("hello");
            assertThat(chat.get("context").asString()).isEqualTo("user");

            c.send("{\"event\":\"nope\",\"messageId\":10}");
            assertThat(c.json().get("error").asString()).isEqualTo("Error: verb not found or not allowed (nope)");
            c.send("{\"messageId\":11}");
            assertThat(c.json().get("error").asString()).isEqualTo("Error: verb not found or not allowed (undefined)");
            c.send("{oops");
            JsonNode malformed = c.json();
            assertThat(malformed.get("status").asString()).isEqualTo("error");
            assertThat(malformed.get("context").asString()).isEqualTo("api");
            assertThat(malformed.get("error").asString()).startsWith("malformed JSON: ");
            c.send("[1]");
            assertThat(c.json().get("error").asString()).isEqualTo("not a JSON object: an array");
            c.send("\"primus::id::\"");
            assertThat(c.text()).startsWith("\"primus::id::").hasSize(13 + 36 + 1);

            c.send("{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"word\":\"still\"},\"messageId\":12}");
            assertThat(c.json().get("word").asString()).isEqualTo("still");
            c.send("{\"event\":\"quit\"}");
            assertThat(c.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void aClientThatAnswersPingsStaysAndOneThatDoesNotIsClosed() throws Exception {
        try (Client answering = connect(true); Client silent = connect(false)) {
            answering.json();
            silent.json();
            for (int i = 0; i < 3; i++) {
                assertThat(answering.text()).startsWith("\"primus::ping::");
            }
            assertThat(answering.closed).isNotDone();
            assertThat(silent.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void theListenersShutdownTellsPrimusClientsNotToReconnect() throws Exception {
        try (Client c = connect(true)) {
            c.json(); // welcome
            CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
            String text;
            do {
                text = c.text(); // pings may come first
            } while (text.startsWith("\"primus::ping::"));
            assertThat(text).isEqualTo("\"primus::server::close\"");
            assertThat(c.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1001);
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Client connect(boolean answerPings) throws Exception {
        Client c = new Client(answerPings);
        URI uri = URI.create("ws://127.0.0.1:" + server.port("http") + "/primus?_primuscb=" + System.nanoTime());
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, c).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return c;
    }

    /** A raw Primus client: texts in a queue; answers pings with pongs when told to. */
    private static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final boolean answerPings;
        final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        Client(boolean answerPings) {
            this.answerPings = answerPings;
        }

        void send(String text) throws Exception {
            ws.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        /** The next text that is not a ping (pings are answered or ignored). */
        String text() throws InterruptedException {
            String t = texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(t).as("a frame within %s", WAIT).isNotNull();
            return t;
        }

        JsonNode json() throws InterruptedException {
            String t = text();
            while (t.startsWith("\"primus::ping::")) {
                t = text();
            }
            return JSON.readTree(t);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String t = partial.toString();
                partial.setLength(0);
                if (t.startsWith("\"primus::ping::") && answerPings) {
                    webSocket.sendText(t.replace("primus::ping::", "primus::pong::"), true);
                }
                texts.add(t);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            ws.abort();
        }
    }
}
