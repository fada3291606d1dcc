package io.tether.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.core.TetherCore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrade requests Netty's handshake would refuse are answered by the router, before the WebSocket
 * stages exist (finding 1 of {@link WebSocketInboundFuzzTest}: a handshake that failed inside
 * Netty's stage was closed through it, and that stage first wrote a close frame object to the
 * connection that never upgraded). The connection gets the HTTP error and nothing else.
 */
class HttpRouterHandshakeTest {
    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    private static TetherCore core;
    private static HttpProtocolServer listener;

    @BeforeAll
    static void start() {
        core = TetherCore.builder().build();
        listener = new HttpProtocolServer(core, HttpOptions.defaults(), WebRoutes.builder().webSocket("/ws", new WebSocketEndpoint() {
            @Override
            public void initChannel(Channel channel, WebSocketRequest request) {
            }
        }).build());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    static Stream<Arguments> requests() {
        String head = "Host: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
        return Stream.of(
                Arguments.of("POST", "POST /ws HTTP/1.1\r\n" + head + KEY + "Sec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n", 400),
                Arguments.of("no key", "GET /ws HTTP/1.1\r\n" + head + "Sec-WebSocket-Version: 13\r\n\r\n", 400),
                Arguments.of("upgrade token list", "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket, h2c\r\n"
                        + "Connection: Upgrade\r\n" + KEY + "Sec-WebSocket-Version: 13\r\n\r\n", 400),
                Arguments.of("no Connection token", "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\n" + KEY
                        + "Sec-WebSocket-Version: 13\r\n\r\n", 400),
                Arguments.of("no version (hixie-76)", "GET /ws HTTP/1.1\r\n" + head + KEY + "\r\n", 426),
                Arguments.of("version 99", "GET /ws HTTP/1.1\r\n" + head + KEY + "Sec-WebSocket-Version: 99\r\n\r\n", 426),
                Arguments.of("valid", "GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
                        + KEY + "Sec-WebSocket-Version: 13\r\n\r\n", 101));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void refusedUpgradesGetOnlyAnHttpAnswer(String name, String request, int status) {
        EmbeddedChannel ch = new EmbeddedChannel(listener.initializer());
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        ch.runPendingTasks();
        List<Object> written = new ArrayList<>();
        for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
            written.add(o);
        }
        StringBuilder text = new StringBuilder();
        for (Object o : written) {
            assertThat(o).as(name + ": the listener writes bytes only").isInstanceOf(ByteBuf.class);
            text.append(((ByteBuf) o).toString(StandardCharsets.ISO_8859_1));
            ((ByteBuf) o).release();
        }
        assertThat(text.toString()).as(name + ": " + ch.pipeline().names() + " open " + ch.isOpen() + " in " + ch.readInbound()).startsWith("HTTP/1.1 " + status + " ");
        if (status == 426) {
            assertThat(text.toString()).containsIgnoringCase("sec-websocket-version: 13");
        }
        assertThat(ch.isOpen()).as("open after " + status).isEqualTo(status == 101);
        ch.checkException();
        ch.finishAndReleaseAll();
    }
}
