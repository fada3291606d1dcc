package io.tether.client;

/**
 * Lifecycle events of a client connection, delivered to listeners in order (as nats.java's
 * {@code ConnectionListener.Events}).
 */
public enum ConnectionState {
    /** The transport is up and the protocol handshake (welcome / JSTP handshake) completed. */
    CONNECTED,
    /** The transport was lost unexpectedly; automatic reconnection may follow. */
    DISCONNECTED,
    /** A reconnection attempt is starting. */
    RECONNECTING,
    /** A reconnection succeeded and the client state (rooms, params, session) was restored. */
    RECONNECTED,
    /** The client gave up reconnecting; pending calls were failed. Terminal. */
    RECONNECT_FAILED,
    /** The client was closed on purpose. Terminal. */
    CLOSED
}
