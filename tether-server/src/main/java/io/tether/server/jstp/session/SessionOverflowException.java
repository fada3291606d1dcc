package io.tether.server.jstp.session;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;

/** A session's buffer exceeded its {@link SessionLimits}; the session has been dropped. */
public final class SessionOverflowException extends TetherException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a session id. */
    public SessionOverflowException(String sessionId) {
        super(ErrorCode.INTERNAL_ERROR, "session buffer limit exceeded: " + sessionId);
    }
}
