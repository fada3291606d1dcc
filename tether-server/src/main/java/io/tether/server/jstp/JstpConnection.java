package io.tether.server.jstp;

import io.tether.api.jstp.JstpApplication;
import io.tether.core.session.resume.ResumableSession;
import java.net.SocketAddress;

/**
 * A server-side JSTP connection (one transport) as listeners see it (application code sees
 * only the {@link io.tether.api.SessionHandle} of its session).
 */
public interface JstpConnection {
    /** Connection id (unique per transport, not per session). */
    String id();

    /** The peer address. */
    SocketAddress remoteAddress();

    /** Whether the handshake has completed successfully. */
    boolean handshakeDone();

    /** The session's username, or null (anonymous or before the handshake). */
    String username();

    /** The session, or null before the handshake. */
    ResumableSession session();

    /** The selected application, or null before the handshake. */
    JstpApplication application();

    /** Whether the transport is still open. */
    boolean isOpen();

    /** Closes the transport now, without flushing a reply; the session stays restorable. */
    void abort();
}
