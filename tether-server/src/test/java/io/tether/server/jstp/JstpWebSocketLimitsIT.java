package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.core.limits.Refusal;
import io.tether.core.session.resume.SessionLimits;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP listener's refusals and limits with the JSTP endpoint: each bad upgrade or frame gets
 * a clear answer (an HTTP status or a close code) and a client connected meanwhile is not affected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpWebSocketLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final JstpWebSocketServer server = new JstpWebSocketServer(b -> b, b -> b
            .maxFrameBytes(32 * 1024).maxMessageBytes(64 * 1024)
            .allowedOrigins(List.of("https://app.example.com")));
    private final WsTestClient bystander = server.ws();

    JstpWebSocketLimitsIT() throws InterruptedException {
        bystander.handshake("testApp");
    }

    @AfterAll
    void stop() {
        bystander.close();
        server.close();
    }

    private void bystanderStillServed() throws InterruptedException {
        assertThat(bystander.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
    }

    private URI jstpUri() {
        return URI.create("ws://127.0.0.1:" + server.httpPort() + "/jstp");
    }

    private static int upgradeStatus(Runnable connect) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(connect::run);
        assertThat(t).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) t.getCause()).getResponse().statusCode();
    }

    @Test
    void aForeignOriginIsRefusedWith403() throws Exception {
        assertThat(upgradeStatus(() -> new WsTestClient(jstpUri(), "metarhia-jstp", "https://evil.example", true)))
                .isEqualTo(403);
        bystanderStillServed();
    }

    @Test
    void theOwnOriginAndListedOnesAreAllowed() throws Exception {
        String own = "http://127.0.0.1:" + server.httpPort();
        for (String origin : List.of(own, "https://app.example.com", "HTTPS://APP.EXAMPLE.COM:443")) {
            try (WsTestClient c = new WsTestClient(jstpUri(), "metarhia-jstp", origin, true)) {
                c.handshake("testApp");
                assertThat(c.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
            }
        }
    }

    @Test
    void unknownPathsAre404AndJstpNeedsItsSubprotocol() throws Exception {
        assertThat(upgradeStatus(() -> new WsTestClient(URI.create("ws://127.0.0.1:" + server.httpPort() + "/nope"),
                "metarhia-jstp", null, true))).isEqualTo(404);
        assertThat(upgradeStatus(() -> new WsTestClient(jstpUri(), null, null, true))).isEqualTo(400);
        assertThat(upgradeStatus(() -> new WsTestClient(jstpUri(), "other", null, true))).isEqualTo(400);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notFound.statusCode()).isEqualTo(404);
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.httpPort() + "/jstp")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(426);
        }
        bystanderStillServed();
    }

    @Test
    void aFrameOverTheFrameCapClosesWith1009() throws Exception {
        try (Socket raw = upgrade(server.httpPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(maskedText("{handshake:[0,'testApp']}"));
            out.write(maskedText("{call:[1,'testInterface'],echo:['" + "x".repeat(40 * 1024) + "']}"));
            out.flush();
            InputStream in = raw.getInputStream();
            int[] close = readFrame(in);
            if (close[0] == 0x1) { // the handshake reply, unless the close overtook it
                close = readFrame(in);
            }
            assertThat(close[0]).as("a close frame").isEqualTo(0x8);
            assertThat(close[1]).isEqualTo(1009);
        }
        bystanderStillServed();
    }

    @Test
    void aMessageOverTheMessageCapClosesWith1009() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.handshake("testApp");
            String part = "x".repeat(30 * 1024);
            c.socket().sendText("{call:[1,'testInterface'],echo:['" + part, false).join();
            c.socket().sendText(part, false).join();
            c.socket().sendText(part + "']}", true);
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
        bystanderStillServed();
    }

    @Test
    void aFragmentedMessageUnderTheCapIsOneMessage() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.handshake("testApp");
            String part = "y".repeat(20 * 1024);
            c.socket().sendText("{call:[1,'testInterface'],echo:['" + part, false).join();
            c.socket().sendText(part + "']}", true).join();
            assertThat(c.readText()).isEqualTo("{callback:[1],ok:['" + part + part + "']}");
        }
    }

    @Test
    void aHandshakeOverThePreHandshakeCapClosesWith1009() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.socket().sendText("{handshake:[0,'testApp'],x:['" + "z".repeat(20 * 1024) + "']}", true);
            assertThat(c.awaitClose()).isEqualTo(1009);
        }
        bystanderStillServed();
    }

    @Test
    void aTextMessageThatIsNotUtf8ClosesWith1007() throws Exception {
        try (Socket raw = upgrade(server.httpPort())) {
            OutputStream out = raw.getOutputStream();
            out.write(maskedText("{handshake:[0,'testApp']}"));
            byte[] call = "{call:[1,'testInterface'],echo:['caf\u00e9 ok, then bad: ??']}".getBytes(StandardCharsets.UTF_8);
            int bad = call.length - 5;
            call[bad] = (byte) 0xc3; // a lead byte followed by another lead byte
            call[bad + 1] = (byte) 0xc3;
            out.write(maskedFrame(call));
            out.flush();
            InputStream in = raw.getInputStream();
            int[] close = readFrame(in);
            if (close[0] == 0x1) { // the handshake reply
                close = readFrame(in);
            }
            assertThat(close[0]).as("a close frame").isEqualTo(0x8);
            assertThat(close[1]).isEqualTo(1007);
        }
        bystanderStillServed();
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.handshake("testApp");
            c.sendBinary("{call:[1,'calculator'],answer:[]}".getBytes(StandardCharsets.UTF_8));
            assertThat(c.awaitClose()).isEqualTo(1003);
        }
        bystanderStillServed();
    }

    @Test
    void aChatMemberThatNeverReadsIsCutOffAtTheCap() throws Exception {
        try (JstpWebSocketServer small = new JstpWebSocketServer(b -> b
                .sessionLimits(SessionLimits.defaults().toBuilder().maxEntries(1_000_000).maxBytes(1L << 32).build())
                .sessionBufferBudgetBytes(1L << 34), b -> b.maxOutboundBytes(1024 * 1024));
             Socket member = upgrade(small.httpPort());
             JstpTestClient sayer = small.tcp()) {
            OutputStream out = member.getOutputStream();
            out.write(maskedText("{handshake:[0,'tether']}"));
            out.write(maskedText("{call:[1,'chat'],join:['defaultRoom']}"));
            out.flush(); // and never reads again
            await().atMost(WAIT).until(() -> small.core.rooms().view("defaultRoom").membersCount() == 1);
            sayer.handshake("tether");
            assertThat(sayer.request("{call:[0,'chat'],join:['defaultRoom']}")).startsWith("{callback:[0],ok");
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            Thread drain = Thread.ofVirtual().start(() -> { // the sayer reads its callbacks and own copies
                while (!stop.get()) {
                    try {
                        sayer.readText();
                    } catch (Exception closedOrTimeout) {
                        return;
                    }
                }
            });
            String text = "x".repeat(16 * 1024);
            for (int i = 1; i < 4_000 && small.core.refusals().get(Refusal.SLOW_CONSUMER) == 0; i++) {
                sayer.send("{call:[" + i + ",'chat'],say:['defaultRoom','" + text + "']}");
                if (i % 50 == 0) {
                    Thread.sleep(10); // pacing: gives the loops time to fill the member's outbound queue between bursts
                }
            }
            await().atMost(WAIT).until(() -> small.core.refusals().get(Refusal.SLOW_CONSUMER) > 0);
            await().atMost(WAIT).until(() -> small.http.connectionCount() == 0);
            stop.set(true);
            try (WsTestClient after = WsTestClient.jstp(small.httpPort())) {
                after.handshake("tether");
                assertThat(after.request("{call:[1,'api'],echo:[{text:'still here'}]}"))
                        .isEqualTo("{callback:[1],ok:[{text:'still here'}]}");
            }
            sayer.close();
            drain.join(WAIT.toMillis());
        }
    }

    @Test
    void anIdleClientIsPingedAndOneThatNeverAnswersIsClosedWith1001() throws Exception {
        try (JstpWebSocketServer pinging = new JstpWebSocketServer(b -> b, b -> b
                .pingInterval(Duration.ofSeconds(1)).pongTimeout(Duration.ofSeconds(2)));
             WsTestClient answering = WsTestClient.jstp(pinging.httpPort());
             Socket silent = new Socket("127.0.0.1", pinging.httpPort())) {
            answering.handshake("testApp");
            InputStream in = sendUpgrade(silent);
            silent.getOutputStream().write(maskedText("{handshake:[0,'testApp']}"));
            int[] first = readFrame(in);
            assertThat(first[0]).as("opcode of the handshake reply").isEqualTo(0x1);
            int[] ping = readFrame(in);
            assertThat(ping[0]).as("a ping").isEqualTo(0x9);
            int[] close = readFrame(in);
            assertThat(close[0]).as("a close frame").isEqualTo(0x8);
            assertThat(close[1]).isEqualTo(1001);
            assertThat(in.read()).isEqualTo(-1);
            // the one that answers pings is still there after several intervals
            assertThat(answering.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
        }
    }

    @Test
    void shutdownClosesWebSocketsWith1001Promptly() throws Exception {
        JstpWebSocketServer stopping = new JstpWebSocketServer();
        try (WsTestClient c = WsTestClient.jstp(stopping.httpPort())) {
            c.handshake("testApp");
            long start = System.nanoTime();
            stopping.close();
            assertThat(c.awaitClose()).isEqualTo(1001);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("shutdown drains at once, not at its 30 s limit")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            stopping.close();
        }
    }

    /** A raw socket upgraded to JSTP over WebSocket (the 101 head consumed). */
    static Socket upgrade(int port) throws java.io.IOException {
        Socket s = new Socket("127.0.0.1", port);
        sendUpgrade(s);
        return s;
    }

    static InputStream sendUpgrade(Socket s) throws java.io.IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        OutputStream out = s.getOutputStream();
        out.write(("GET /jstp HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: metarhia-jstp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        String head = readHead(in);
        assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("sec-websocket-protocol: metarhia-jstp");
        return in;
    }

    /** One masked, final text frame as a client sends it. */
    static byte[] maskedText(String text) {
        return maskedFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One masked, final text frame of these payload bytes (UTF-8 or not). */
    static byte[] maskedFrame(byte[] payload) {
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length <= 125) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                frame.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("closed in the response head: " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    /** Reads one unmasked server frame: {opcode, close code or payload length}. */
    static int[] readFrame(InputStream in) throws java.io.IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            throw new java.io.EOFException("closed before a frame");
        }
        long len = b1 & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) len);
        int opcode = b0 & 0x0f;
        if (opcode == 0x8 && payload.length >= 2) {
            return new int[] {opcode, ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)};
        }
        return new int[] {opcode, payload.length};
    }
}
