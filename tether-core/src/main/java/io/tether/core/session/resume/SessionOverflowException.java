package io.tether.core.session.resume;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;

/**
 * A session's buffer exceeded its {@link SessionLimits} or the node's {@link SessionBudget};
 * the session has been dropped. The message names the session by its short form only.
 */
public final class SessionOverflowException extends TetherException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a session, named by its short form (e.g. {@code ResumableSession[1a2b3c4d…]}). */
    public SessionOverflowException(String session) {
        super(ErrorCode.INTERNAL_ERROR, "session buffer limit exceeded: " + session);
    }
}
