package io.tether.api;

/**
 * The connect-time authentication hook of a server, one for every protocol: decides each new
 * client before it can send a request (socket protocol: when the connection opens, before the
 * welcome line; JSTP: at the handshake, before a session is opened, and again at every restore
 * of a session, with {@link ConnectAttempt#restore()} set; Primus over WebSocket: when the
 * upgrade completes; the HTTP resources that serve application data, such as the demo server's
 * {@code /documentation.json}: at each request), accepting it (optionally as a
 * {@link Principal}) or refusing it.
 *
 * <p>It runs on the connection's I/O thread (after a JSTP handshake login, or for the restore of
 * a session another cluster node holds, on a worker thread) and must not block (no I/O, no
 * password hashing):
 * decide from what the connection shows (remote address, a TLS client certificate's
 * principal). Credentials that need checking belong to a login (a {@code login} action over
 * the socket protocol, the JSTP handshake's {@code login} strategy), which may block. An
 * exception it throws refuses the connection and is logged.
 *
 * <pre>{@code
 * TetherCore core = TetherCore.builder()
 *         .connectionPolicy(attempt -> attempt.connection().remoteIp().equals("127.0.0.1")
 *                 ? Admission.accept(Principal.named("local-admin")) : Admission.accept())
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionPolicy {
    /** Decides a new connection. */
    Admission admit(ConnectAttempt attempt);

    /** Accepts everyone, with the transport's principal if any (the default). */
    static ConnectionPolicy acceptAll() {
        return attempt -> Admission.accept();
    }
}
