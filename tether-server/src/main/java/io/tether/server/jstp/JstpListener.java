package io.tether.server.jstp;

import io.tether.codec.jstp.JstpMessage;

/**
 * Observes a JSTP server's traffic (for logs, metrics, tests). Every method has a no-op
 * default; implementations must be fast, thread-safe and must not block (they run on
 * event loops and worker threads).
 *
 * <pre>{@code
 * JstpListener log = new JstpListener() {
 *     public void call(JstpConnection c, JstpMessage.Call call) { LOG.debug("{} {}.{}", c.id(), call.iface(), call.method()); }
 * };
 * }</pre>
 */
public interface JstpListener {
    /** A handshake created ({@code restored} false) or restored a session. */
    default void client(JstpConnection connection, boolean restored) {
    }

    /** A handshake request arrived; {@code accepted} says whether it succeeded. */
    default void handshake(JstpConnection connection, JstpMessage.HandshakeRequest request, boolean accepted) {
    }

    /** A call arrived (after the handshake). */
    default void call(JstpConnection connection, JstpMessage.Call call) {
    }

    /** A callback arrived. */
    default void callback(JstpConnection connection, JstpMessage.Callback callback) {
    }

    /** An event arrived. */
    default void event(JstpConnection connection, JstpMessage.Event event) {
    }

    /** An inspect arrived. */
    default void inspect(JstpConnection connection, JstpMessage.Inspect inspect) {
    }

    /** The server sent a heartbeat ping. */
    default void heartbeat(JstpConnection connection) {
    }

    /** Any message arrived (before kind-specific notifications). */
    default void incomingMessage(JstpConnection connection, JstpMessage message) {
    }

    /** A message text was written to the transport. */
    default void outgoingMessage(JstpConnection connection, String text) {
    }

    /** A message was ignored or made the server close the connection. */
    default void messageRejected(JstpConnection connection, Object message, String reason) {
    }
}
