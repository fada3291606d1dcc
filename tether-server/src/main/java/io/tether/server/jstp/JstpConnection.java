package io.tether.server.jstp;

import io.tether.server.jstp.app.JstpApplication;
import io.tether.core.session.resume.ResumableSession;
import java.net.SocketAddress;

/**
 * A server-side JSTP connection (one transport) as applications and listeners see it.
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
