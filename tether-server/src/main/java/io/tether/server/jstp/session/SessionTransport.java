package io.tether.server.jstp.session;

/**
 * The transport a {@link JstpSession} is attached to: writes pre-serialized message text
 * (the NUL terminator is added by the transport) in call order, and closes.
 * Implementations must be thread-safe and must never block the caller.
 */
public interface SessionTransport {
    /** Queues one serialized message for sending, after everything queued before it. */
    void send(String text);

    /** Closes the transport after the messages already queued have been written. */
    void close();
}
