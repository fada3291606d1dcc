package io.tether.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a server whose connections a test can cut, to simulate the
 * transport dropping while the server (and its sessions) stays up.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private volatile int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile long replyDelayMillis;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every forwarded connection (both sides). */
    public void cutAll() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        sockets.clear();
    }

    /** Sends new connections to another port (e.g. a restarted server). */
    public void retarget(int port) {
        this.targetPort = port;
    }

    /** Delays every chunk the server sends to the client (0 = none). */
    public void delayReplies(long millis) {
        this.replyDelayMillis = millis;
    }

    /** While true, new connections are accepted and closed at once. */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    public int connections() {
        return sockets.size() / 2;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Thread.ofVirtual().start(() -> pump(client, server, false));
                Thread.ofVirtual().start(() -> pump(server, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean toClient) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (toClient && replyDelayMillis > 0) {
                    Thread.sleep(replyDelayMillis);
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException ignored) {
            // cut
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }
}
