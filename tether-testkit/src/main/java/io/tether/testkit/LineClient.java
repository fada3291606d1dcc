package io.tether.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small blocking client for line protocols in tests: sends lines or raw bytes, reads
 * {@code \r\n}-terminated lines with a deadline, parses them as JSON. Not thread-safe.
 *
 * <pre>{@code
 * try (LineClient c = LineClient.connect("127.0.0.1", port)) {
 *     Map<String, Object> welcome = c.readMap(Duration.ofSeconds(2));
 *     c.send("detailsView");
 *     JsonNode details = c.readJson(Duration.ofSeconds(2));
 * }
 * }</pre>
 */
public final class LineClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects over plain TCP. */
    public static LineClient connect(String host, int port) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            return new LineClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }

    /** Connects over plain TCP from the local address {@code localHost} (e.g. {@code 127.0.0.2}). */
    public static LineClient connectFrom(String localHost, String host, int port) {
        try {
            Socket s = new Socket();
            s.bind(new InetSocketAddress(localHost, 0));
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            return new LineClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect from " + localHost + " to " + host + ":" + port, e);
        }
    }

    /** Connects over TLS, trusting the certificates in {@code trustStore}; completes the handshake. */
    public static LineClient connectTls(String host, int port, KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, host, port, true);
            s.setSoTimeout(CONNECT_TIMEOUT_MS);
            s.startHandshake();
            return new LineClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect with TLS to " + host + ":" + port, e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("bad trust store", e);
        }
    }

    /**
     * Connects with TLS through {@code context} (e.g. {@link TestPki#clientContext}, which may
     * carry a client certificate), enabling only {@code protocols} when any are given; the
     * handshake has completed when this returns.
     */
    public static LineClient connectTls(String host, int port, SSLContext context, String... protocols) {
        try {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
            if (protocols.length > 0) {
                s.setEnabledProtocols(protocols);
            }
            s.setSoTimeout(CONNECT_TIMEOUT_MS);
            s.startHandshake();
            return new LineClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect with TLS to " + host + ":" + port, e);
        }
    }

    /** The TLS session of a client made by {@code connectTls}, e.g. to read the server's certificate. */
    public javax.net.ssl.SSLSession tlsSession() {
        if (!(socket instanceof SSLSocket s)) {
            throw new IllegalStateException("not a TLS connection");
        }
        return s.getSession();
    }

    /** Sends {@code line} followed by {@code \n}. */
    public void send(String line) {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a string as UTF-8, as is. */
    public void sendRaw(String text) {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends bytes as is, in one write. */
    public void sendRaw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line without its {@code \r\n}, or null when the server closed first. */
    public String readLine(Duration timeout) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        int prev = -1;
        while (true) {
            int b = read(deadline);
            if (b < 0) {
                return null;
            }
            if (prev == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            prev = b;
        }
    }

    /** Exactly {@code n} bytes (fails on timeout or early close). */
    public byte[] readBytes(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = read(deadline);
            if (b < 0) {
                throw new IllegalStateException("connection closed after " + i + " of " + n + " bytes");
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    /** The next line parsed as JSON (fails on timeout or close). */
    public JsonNode readJson(Duration timeout) {
        return JSON.readTree(requireLine(timeout));
    }

    /** The next line parsed as a JSON object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readMap(Duration timeout) {
        return JSON.readValue(requireLine(timeout), Map.class);
    }

    /** Whether the server closes the connection within {@code timeout} (discarding any data). */
    public boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (read(deadline) >= 0) {
                // discard
            }
            return true;
        } catch (IllegalStateException timedOut) {
            return false;
        } catch (UncheckedIOException reset) {
            return true;
        }
    }

    /** Whether nothing (no byte, no close) arrives within {@code quiet}; may consume one byte. */
    public boolean isSilentFor(Duration quiet) {
        try {
            read(System.nanoTime() + quiet.toNanos());
            return false;
        } catch (IllegalStateException timedOut) {
            return true;
        }
    }

    private String requireLine(Duration timeout) {
        String line = readLine(timeout);
        if (line == null) {
            throw new IllegalStateException("connection closed while waiting for a line");
        }
        return line;
    }

    /** One byte, -1 at end of stream; throws IllegalStateException on deadline. */
    private int read(long deadlineNanos) {
        if (pos < limit) {
            return buffer[pos++] & 0xFF;
        }
        long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw new IllegalStateException("timed out waiting for data");
        }
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return -1;
            }
            pos = 0;
            limit = n;
            return buffer[pos++] & 0xFF;
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("timed out waiting for data", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local port of this client's socket. */
    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
