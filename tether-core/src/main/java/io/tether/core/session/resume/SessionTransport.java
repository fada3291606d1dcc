package io.tether.core.session.resume;

/**
 * The transport a {@link ResumableSession} is attached to: writes pre-encoded message text (a
 * framing terminator, if any, is the transport's) in call order, and closes. Implementations
 * must be thread-safe and must never block the caller.
 */
public interface SessionTransport {
    /** Queues one encoded message for sending, after everything queued before it. */
    void send(String text);

    /** Closes the transport after the messages already queued have been written. */
    void close();

    /** Calls of the client running now on this transport (they share a limit with the server's calls). */
    default int callsInFlight() {
        return 0;
    }
}
