package io.tether.core.session;

import java.util.List;

/**
 * What a protocol adapter does for a plain {@link Session} when application code asks: send an
 * event to the client, close the session, report its end. (A
 * {@link io.tether.core.session.resume.ResumableSession} does these itself.) Implementations are
 * thread-safe and never block.
 */
public interface SessionLink {
    /** A session whose protocol has no server events and nothing to close. */
    SessionLink NONE = new SessionLink() {
        @Override
        public boolean emit(String iface, String event, List<?> args) {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Runs {@code hook} once when the session ends for good (not when it moves to another node);
     * at once if it has ended. The default never runs it (a session without a resumable life).
     */
    default void onEnd(Runnable hook) {
    }

    /** The token a client resumes the session with, or null when it cannot be resumed. */
    default String resumeToken() {
        return null;
    }

    /** Sends an event to the client; false when the protocol has none or the session is gone. */
    boolean emit(String iface, String event, List<?> args);

    /** Closes the session gracefully. */
    void close();
}
