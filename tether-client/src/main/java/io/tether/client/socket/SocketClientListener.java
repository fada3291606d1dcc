package io.tether.client.socket;

import io.tether.client.ConnectionState;

/**
 * Events of a {@link SocketClient}. Every method has a no-op default. Methods are called one
 * at a time, in order, on a client thread — never on the Netty event loop — so they may block
 * briefly, but a slow listener delays later events.
 */
public interface SocketClientListener {

    /** The server's welcome text (each connection, including reconnections). */
    default void onWelcome(String welcome) {
    }

    /** A chat message in a room the client is a member of. */
    default void onSay(RoomMessage message) {
    }

    /** A line that could not be understood, a reply nobody waited for with an error, a transport error. */
    default void onError(Throwable error) {
    }

    /** A call's deadline passed; {@code description} names the call. */
    default void onTimeout(String description) {
    }

    /** The server said goodbye ({@code {"status":"Bye"}}) or closed the connection. */
    default void onEnd() {
    }

    /** Lifecycle change. */
    default void onStateChange(ConnectionState state) {
    }

    /** Reconnection attempt {@code attempt} is starting. */
    default void onReconnectAttempt(int attempt) {
    }
}
