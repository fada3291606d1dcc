package io.tether.client.jstp;

import io.tether.client.ConnectionState;
import java.time.Duration;
import java.util.List;

/**
 * Events of a {@link JstpClient} (the connection events of the reference client, in Java
 * idiom). All methods default to no-ops; they run one at a time, in order, off the event loop.
 */
public interface JstpClientListener {

    /** Reconnection attempt {@code attempt} starts after {@code delay}. */
    default void onReconnectAttempt(int attempt, Duration delay) {
    }

    /**
     * A reconnection attempt starts, with the transport's name and the options it connects with
     * (the seed's {@code reconnectAttempt(transport, options)}). By default calls
     * {@link #onReconnectAttempt(int, Duration)}; the client calls only this one.
     */
    default void onReconnectAttempt(ReconnectAttempt attempt) {
        onReconnectAttempt(attempt.attempt(), attempt.delay());
    }

    /** A reconnection attempt ended: {@code error} null when the session was restored (or renewed). */
    default void onReconnect(Throwable error) {
    }

    /**
     * The server no longer knew the session ({@code [11]} to the restore handshake); the client
     * started a new one. Pending calls were failed with −1, buffered events were dropped.
     */
    default void onSessionReset(String oldSessionId, String newSessionId, int failedCalls) {
    }

    /** The server called a method of the client's {@link LocalApplication}. */
    default void onCall(String iface, String method, List<Object> args) {
    }

    /** A callback arrived for call {@code id}. */
    default void onCallback(long id, List<Object> ok, List<Object> error) {
    }

    /** The server emitted an event. */
    default void onEvent(String iface, String event, List<Object> args) {
    }

    /**
     * A handshake completed: {@code error} null on success. Called for a new session and also
     * after a restore (the same {@code sessionId}; {@link #onRestored} tells the count the server had).
     */
    default void onHandshake(Throwable error, String sessionId) {
    }

    /**
     * A restore handshake succeeded: the server had received {@code receivedByServer} of the
     * client's messages (the seed's numeric {@code handshake} reply). Followed by {@link #onHandshake}.
     */
    default void onRestored(String sessionId, long receivedByServer) {
    }

    /**
     * A heartbeat: a ping from the server, the pong to the client's heartbeat ping, or a legacy
     * {@code {}} heartbeat message (the seed's {@code heartbeat} event).
     */
    default void onHeartbeat() {
    }

    /** The server inspected an interface of the client. */
    default void onInspect(String iface) {
    }

    /** Any message received (before it is handled). */
    default void onIncomingMessage(IncomingMessage message) {
    }

    /** Any message sent (including resends of buffered messages). */
    default void onOutgoingMessage(String text) {
    }

    /** A received message that was ignored (unknown kind, stray callback, malformed payload). */
    default void onMessageRejected(IncomingMessage message, String reason) {
    }

    /** Lifecycle change. */
    default void onStateChange(ConnectionState state) {
    }

    /** A transport or protocol error. */
    default void onError(Throwable error) {
    }
}
