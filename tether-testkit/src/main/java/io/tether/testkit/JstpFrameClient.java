package io.tether.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw NUL-framed JSTP client for tests: sends message text, reads frames as text (parse
 * them with {@code io.tether.codec.mdsf.Mdsf} where needed), detects close. No session logic.
 *
 * <pre>{@code
 * try (JstpFrameClient c = JstpFrameClient.connect("127.0.0.1", port)) {
 *     String reply = c.request("{handshake:[0,'tether']}", Duration.ofSeconds(3));
 * }
 * }</pre>
 */
public final class JstpFrameClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private JstpFrameClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = socket.getOutputStream();
    }

    /** Connects to a JSTP listener. */
    public static JstpFrameClient connect(String host, int port) {
        try {
            return new JstpFrameClient(new Socket(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects to a JSTP listener from the local address {@code localHost} (e.g. {@code 127.0.0.2}). */
    public static JstpFrameClient connectFrom(String localHost, String host, int port) {
        try {
            return new JstpFrameClient(new Socket(host, port, java.net.InetAddress.getByName(localHost), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one message (a NUL is appended). */
    public JstpFrameClient send(String text) {
        try {
            out.write((text + "\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one frame's text; fails on close or when nothing complete arrives in time. */
    public String read(Duration timeout) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout((int) timeout.toMillis());
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and returns the next frame's text. */
    public String request(String text, Duration timeout) {
        return send(text).read(timeout);
    }

    /** Whether the server closes the connection within {@code timeout} (data before that is skipped). */
    public boolean closedWithin(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            while (in.read() >= 0) {
                // skip
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
