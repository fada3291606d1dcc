package io.tether.server.jstp;

import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpSessionListener;
import io.tether.core.session.resume.ResumableSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an application's {@link JstpSessionListener} that a handshake created or restored one
 * of its sessions (the seed's {@code client} event). An application without a listener makes
 * no peer object for its sessions. Stateless.
 */
final class JstpClients {
    private static final Logger LOG = LoggerFactory.getLogger(JstpClients.class);

    private JstpClients() {
    }

    /** Runs the application's listener, if it has one; an exception is logged. */
    static void notify(JstpApplication app, ResumableSession session, boolean restored) {
        JstpSessionListener clients = app.clients();
        if (clients == JstpSessionListener.none()) {
            return;
        }
        try {
            clients.onClient(session.peer(), restored);
        } catch (RuntimeException e) {
            LOG.warn("the client listener of {} failed for {}", app, session, e);
        }
    }
}
