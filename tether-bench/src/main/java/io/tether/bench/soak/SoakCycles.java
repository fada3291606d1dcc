package io.tether.bench.soak;

import io.netty.channel.EventLoopGroup;
import io.tether.client.ReconnectOptions;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.jstp.JstpRemoteException;
import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import io.tether.client.socket.SocketRemoteException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The churn of one soak cycle: a short-lived client that connects, acts, joins a room, says
 * something and leaves, in ten variants per protocol (chosen by the cycle number, so every
 * run is the same mix); the room is the demo's {@code defaultRoom} or {@code otherRoom}. Even cycles use the socket protocol, odd ones JSTP; with
 * {@code k = (n / 2) % 10}:
 *
 * <ul>
 *   <li>socket, k 0–5: {@code SocketClient}: welcome + detailsView, {@code randomNumber},
 *       {@code paramAdd}, {@code roomAdd}, {@code say}, {@code roomLeave}, {@code exit};</li>
 *   <li>socket, k 6–8 (drop): a raw TCP client reads the welcome, sends {@code roomAdd} and
 *       {@code say}, reads both replies and resets the connection (SO_LINGER 0) without
 *       leaving the room or saying {@code exit};</li>
 *   <li>socket, k 9: as k 0–5 plus an unknown action, answered with an error reply (expected:
 *       {@code socket_unknown_action});</li>
 *   <li>JSTP, k 0–3 (drop): handshake, {@code api.randomNumber}, {@code chat.join},
 *       {@code chat.say}, ping, then the transport closes: the session stays restorable and in
 *       the room until the server's {@code session-expiry};</li>
 *   <li>JSTP, k 4–8 (restore): as k 0–3, then a new transport restores the session
 *       ({@code session:[id, 0]}), calls {@code api.randomNumber} and {@code chat.leave}, and
 *       drops again;</li>
 *   <li>JSTP, k 9: a restore of a session that never existed, answered {@code [11]} (expected:
 *       {@code jstp_unknown_session}).</li>
 * </ul>
 *
 * Clients share one event loop group and never reconnect by themselves. Every client deadline
 * (connect and welcome, handshake, request) is 60 s: the soak measures leaks and errors, not
 * latency, and on a busy machine a handshake can take longer than the client's default 5 s.
 */
final class SoakCycles {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The demo's rooms (the app creates no others). */
    private static final String[] ROOMS = {"defaultRoom", "otherRoom"};

    private final SoakOptions options;
    private final SoakCounters counters;
    private final SocketClientOptions socket;
    private final JstpClientOptions jstp;

    SoakCycles(SoakOptions options, SoakCounters counters, EventLoopGroup group) {
        this.options = options;
        this.counters = counters;
        this.socket = SocketClientOptions.builder().host(options.host()).port(options.socketPort())
                .connectTimeout(TIMEOUT).requestTimeout(TIMEOUT).reconnect(ReconnectOptions.disabled())
                .eventLoopGroup(group).build();
        this.jstp = JstpClientOptions.builder().host(options.host()).port(options.jstpPort())
                .connectTimeout(TIMEOUT).handshakeTimeout(TIMEOUT).callTimeout(TIMEOUT)
                .reconnect(ReconnectOptions.disabled())
                .eventLoopGroup(group).build();
    }

    /** Runs cycle {@code n} to its end (blocking: call from a virtual thread); failures are counted. */
    void run(long n) {
        int k = (int) ((n / 2) % 10);
        String room = ROOMS[(int) ((n / 2) % ROOMS.length)];
        boolean socketCycle = n % 2 == 0;
        try {
            if (socketCycle) {
                if (k >= 6 && k <= 8) {
                    socketDrop(n, room);
                } else {
                    socketClient(n, room, k == 9);
                }
            } else if (k == 9) {
                jstpUnknownSession();
            } else {
                jstpSession(room, k >= 4);
            }
            (socketCycle ? counters.socketCycles : counters.jstpCycles).increment();
            counters.cycles.increment();
        } catch (Exception e) {
            counters.error((socketCycle ? "socket" : "jstp") + " cycle " + n + " (k " + k + ")", unwrap(e));
        }
    }

    private void socketClient(long n, String room, boolean unknownAction) {
        counters.connections.increment();
        try (SocketClient c = SocketClient.connect(socket)) {
            counters.requests.increment(); // detailsView
            c.action("randomNumber").join();
            c.paramAdd("soak", Long.toString(n)).join();
            c.roomAdd(room).join();
            c.say(room, "soak " + n).join();
            counters.requests.add(4);
            if (unknownAction) {
                counters.requests.increment();
                try {
                    c.action("soakNoSuchAction").join();
                    throw new IllegalStateException("an unknown action was answered without an error");
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof SocketRemoteException r) || !r.error().contains("unknown action")) {
                        throw e;
                    }
                    counters.expected("socket_unknown_action");
                }
            }
            c.roomLeave(room).join();
            counters.requests.add(2); // roomLeave, exit (close)
        }
    }

    private void socketDrop(long n, String room) throws IOException {
        counters.connections.increment();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(options.host(), options.socketPort()), (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            expectLine(in, "\"welcome\"");
            OutputStream out = s.getOutputStream();
            out.write(("roomAdd " + room + "\nsay " + room + " dropping " + n + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            expectLine(in, "\"context\":\"response\"");
            expectLine(in, "\"context\":\"response\"");
            counters.requests.add(2);
            s.setSoLinger(true, 0); // reset: no exit, no FIN
        }
        counters.drops.increment();
    }

    /** Reads lines (room messages may come in between) until one containing {@code marker}. */
    private static void expectLine(BufferedReader in, String marker) throws IOException {
        for (String line = in.readLine(); ; line = in.readLine()) {
            if (line == null) {
                throw new IOException("connection closed while waiting for " + marker);
            }
            if (line.contains("\"error\"") && line.contains("\"context\":\"response\"")) {
                throw new IOException("error reply: " + line);
            }
            if (line.contains(marker)) {
                return;
            }
        }
    }

    private void jstpSession(String room, boolean restore) {
        counters.connections.increment();
        String session;
        try (JstpClient c = JstpClient.connect(jstp, options.app())) {
            session = c.session();
            c.callMethod("api", "randomNumber").join();
            c.callMethod("chat", "join", room).join();
            c.callMethod("chat", "say", room, "soak").join();
            c.ping().join();
            counters.requests.add(5); // handshake, 3 calls, ping
        }
        counters.drops.increment();
        if (!restore) {
            return;
        }
        counters.connections.increment();
        try (JstpClient c = JstpClient.connect(jstp)) {
            c.handshake(options.app(), session).join();
            counters.restores.increment();
            c.callMethod("api", "randomNumber").join();
            c.callMethod("chat", "leave", room).join();
            counters.requests.add(3);
        }
        counters.drops.increment();
    }

    private void jstpUnknownSession() {
        counters.connections.increment();
        try (JstpClient c = JstpClient.connect(jstp)) {
            counters.requests.increment();
            try {
                c.handshake(options.app(), UUID.randomUUID().toString()).join();
                throw new IllegalStateException("a session that never existed was restored");
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof JstpRemoteException r) || r.code() != JstpRemoteException.AUTH_FAILED) {
                    throw e;
                }
                counters.expected("jstp_unknown_session");
            }
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
