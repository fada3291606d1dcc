package io.tether.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The listener with its route table as another protocol uses it: a WebSocket endpoint of its own
 * (a text echo with the request's query, no subprotocol) under a prefix route, and resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpListenerIT {
    private final TetherCore core = TetherCore.builder().build();
    private final HttpProtocolServer http = new HttpProtocolServer(core, HttpOptions.builder().host("127.0.0.1")
            .port(0).requestTimeout(Duration.ofSeconds(1)).build(), WebRoutes.builder()
            .webSocket("/echo/*", new EchoEndpoint())
            .resource("/", HttpResource.of("text/html; charset=utf-8", "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8)))
            .resource("/echo", HttpResource.of("text/plain", "the echo page".getBytes(StandardCharsets.UTF_8)))
            .build());
    private final TetherServer server = TetherServer.builder(core).protocol(http).build().start();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    /** Echoes each text message with the upgrade request's {@code q} parameter. */
    static final class EchoEndpoint implements WebSocketEndpoint {
        @Override
        public void initChannel(Channel channel, WebSocketRequest request) {
            String q = request.query().getOrDefault("q", List.of("")).getFirst();
            channel.pipeline().addLast(new SimpleChannelInboundHandler<TextWebSocketFrame>() {
                @Override
                protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame msg) {
                    ctx.writeAndFlush(new TextWebSocketFrame(msg.text() + "|" + q + "|" + request.path()));
                }
            });
        }
    }

    private URI uri(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.port("http") + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void resourcesAnswerGetAndHeadOnly() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("http", "/?x=1")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<h1>hi</h1>");
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        HttpResponse<String> head = send(HttpRequest.newBuilder(uri("http", "/")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).hasValue("11");
        assertThat(send(HttpRequest.newBuilder(uri("http", "/")).POST(HttpRequest.BodyPublishers.ofString("x")))
                .statusCode()).isEqualTo(405);
        assertThat(send(HttpRequest.newBuilder(uri("http", "/echo"))).body()).isEqualTo("the echo page");
        assertThat(send(HttpRequest.newBuilder(uri("http", "/echo/room"))).statusCode()).isEqualTo(426);
        assertThat(send(HttpRequest.newBuilder(uri("http", "/other"))).statusCode()).isEqualTo(404);
    }

    @Test
    void anEndpointUnderAPrefixRouteGetsWholeTextMessagesAndTheQuery() throws Exception {
        LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(uri("ws", "/echo/room?q=42"), new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    texts.add(part.toString());
                    part.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        ws.sendText("a", false).join();
        ws.sendText("b", true).join();
        assertThat(texts.poll(15, TimeUnit.SECONDS)).isEqualTo("ab|42|/echo/room");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Test
    void aConnectionWithoutARequestIsClosedAfterTheRequestTimeout() throws Exception {
        try (Socket silent = new Socket("127.0.0.1", server.port("http"))) {
            silent.setSoTimeout(15_000);
            InputStream in = silent.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408");
        }
        CompletableFuture<Integer> status = client.sendAsync(HttpRequest.newBuilder(uri("http", "/")).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
        assertThat(status.get(15, TimeUnit.SECONDS)).isEqualTo(200);
    }
}
