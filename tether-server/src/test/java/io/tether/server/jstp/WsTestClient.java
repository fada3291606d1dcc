package io.tether.server.jstp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket test client on the JDK's own implementation (independent of Netty's codec): sends
 * text or binary messages, reads whole text messages, records the close code. With
 * {@code reading == false} it requests no messages after the first, so the JDK stops reading the
 * socket (a client that never reads).
 */
public final class WsTestClient implements AutoCloseable {
    private static final long TIMEOUT_S = 15;
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket ws;

    WsTestClient(URI uri, String subprotocol, String origin, boolean reading) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_S));
        if (subprotocol != null) {
            b.subprotocols(subprotocol);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        ws = b.buildAsync(uri, new Listener(reading)).orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
    }

    /** A reading client of the JSTP endpoint at {@code /jstp} on {@code port}. */
    public static WsTestClient jstp(int port) {
        return new WsTestClient(URI.create("ws://127.0.0.1:" + port + "/jstp"), "metarhia-jstp", null, true);
    }

    WebSocket socket() {
        return ws;
    }

    WsTestClient send(String text) {
        ws.sendText(text, true).orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
        return this;
    }

    void sendBinary(byte[] bytes) {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
    }

    String readText() throws InterruptedException {
        String t = texts.poll(TIMEOUT_S, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("no message within " + TIMEOUT_S + " s (close: " + closeCode.getNow(null) + ")");
        }
        return t;
    }

    /** Sends {@code text} and returns the next whole text message. */
    public String request(String text) throws InterruptedException {
        send(text);
        return readText();
    }

    /** An anonymous JSTP handshake with {@code app}; returns the session id. */
    public String handshake(String app) throws InterruptedException {
        String reply = request("{handshake:[0,'" + app + "']}");
        if (!reply.startsWith("{handshake:[0],ok:'")) {
            throw new AssertionError("handshake failed: " + reply);
        }
        return reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
    }

    int awaitClose() {
        return closeCode.orTimeout(TIMEOUT_S, TimeUnit.SECONDS).join();
    }

    /** Drops the TCP connection without a close handshake. */
    void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        ws.abort();
        http.close();
    }

    private final class Listener implements WebSocket.Listener {
        private final boolean reading;
        private final StringBuilder part = new StringBuilder();

        Listener(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            part.append(data);
            if (last) {
                texts.add(part.toString());
                part.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
