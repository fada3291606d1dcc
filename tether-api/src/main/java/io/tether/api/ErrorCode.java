package io.tether.api;

/**
 * Stable error codes of Tether, by their stable names (logs, metrics, documentation). Each
 * protocol maps a code to its wire form (the JSTP adapter to its numeric codes); the socket
 * protocol sends only the message text, so the texts of the socket-facing codes are the
 * exact ActionHero texts.
 */
public enum ErrorCode {
    /** An application-level failure without a more specific code. */
    APPLICATION_ERROR,
    /** JSTP: unknown application or no version matches the requested range. */
    APP_NOT_FOUND,
    /** JSTP: bad credentials, unknown strategy or unknown session. */
    AUTH_FAILED,
    /** JSTP: call or inspect on an unknown interface. */
    INTERFACE_NOT_FOUND,
    /** JSTP: reserved, incompatible interface. */
    INTERFACE_INCOMPATIBLE,
    /** Unknown action name or api version; JSTP unknown method. */
    ACTION_NOT_FOUND,
    /** JSTP: a client received a handshake request. */
    NOT_A_SERVER,
    /** An unexpected failure inside a handler; its details never reach the wire. */
    INTERNAL_ERROR,
    /** JSTP: missing, non-array or wrong-arity arguments. */
    INVALID_SIGNATURE,
    /** A required action input is missing. */
    PARAM_REQUIRED,
    /** An action input failed its formatter or validator. */
    PARAM_INVALID,
    /** The connection already has the maximum number of pending actions. */
    TOO_MANY_PENDING,
    /** The server is shutting down and accepts no new actions. */
    SHUTTING_DOWN,
    /** The action did not finish before its deadline. */
    ACTION_TIMEOUT,
    /** A middleware rejected the call. */
    REJECTED,
    /** The room does not exist. */
    ROOM_NOT_FOUND,
    /** The connection is not a member of the room. */
    NOT_IN_ROOM,
    /** The connection is already a member of the room. */
    ALREADY_IN_ROOM,
    /** A room verb was called without its required arguments. */
    ROOM_ARGUMENTS_REQUIRED,
    /** The requested file does not exist or lies outside the public directory. */
    FILE_NOT_FOUND,
    /** A request line exceeded {@code maxDataLength}. */
    DATA_TOO_LONG,
    /** Malformed input on the wire (bad mdsf, bad frame, bad header). */
    PROTOCOL_ERROR,
    /** A shared backend (e.g. Redis) needed for this request is unreachable. */
    CLUSTER_UNAVAILABLE,
    /** Invalid configuration (bad option value, unreadable certificate, ...). */
    CONFIGURATION_ERROR,
    /** JSTP server call: the client did not answer before the call's deadline. */
    PEER_TIMEOUT,
    /** JSTP server call: the client received the call, but its answer was lost with the transport. */
    CALLBACK_LOST,
    /** JSTP server call: the session ended (closed, expired, evicted) before the client answered. */
    SESSION_CLOSED,
    /** JSTP server call: the client restored the session on another node, which owns it now. */
    SESSION_MOVED,
    /** The call needs an authenticated session and the caller's has no principal. */
    NOT_AUTHENTICATED,
    /** The application's policy refused the caller (e.g. a room join or say refused by the {@link RoomPolicy}). */
    FORBIDDEN,
    /** The caller sent more requests (or handshakes) per second than its rate limit allows. */
    RATE_LIMITED;
}
