package io.tether.server.jstp;

import io.tether.codec.mdsf.MdsfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A raw NUL-framed JSTP client for tests: sends text, reads frames, detects close. */
final class JstpTestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Generous: a 6 MiB echo on a loaded 2-core CI machine can take seconds. */
    private static final int READ_TIMEOUT_MS = 15_000;

    JstpTestClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    JstpTestClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    /** Sends one message (a NUL is appended). */
    JstpTestClient send(String text) throws IOException {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends raw bytes. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one frame's text; fails on close or timeout. */
    String readText() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed by server after " + buf.size() + " bytes: " + buf);
            }
            if (b == 0) {
                return buf.toString(StandardCharsets.UTF_8);
            }
            buf.write(b);
        }
    }

    /** Reads and parses one frame. */
    Map<String, Object> read() throws IOException {
        return MdsfReader.defaults().parseMessage(readText());
    }

    /** Sends and returns the next frame's text. */
    String request(String text) throws IOException {
        send(text);
        return readText();
    }

    /** Anonymous handshake; returns the session id. */
    String handshake(String app) throws IOException {
        Map<String, Object> reply = send("{handshake:[0,'" + app + "']}").read();
        Object ok = reply.get("ok");
        if (!(ok instanceof String id)) {
            throw new AssertionError("handshake failed: " + reply);
        }
        return id;
    }

    /** Whether the server closes the connection within {@code millis} (no further data expected). */
    boolean closedWithin(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(READ_TIMEOUT_MS);
            }
        }
    }

    /** Whether nothing arrives within {@code millis}. */
    boolean silentFor(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(READ_TIMEOUT_MS);
        }
    }

    static List<?> list(Object o) {
        return (List<?>) o;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
