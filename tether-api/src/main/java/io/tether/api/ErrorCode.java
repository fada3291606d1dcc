package io.tether.api;

/**
 * Stable error codes of Tether. Each code has a stable string name (logs, metrics,
 * documentation) and the numeric code a JSTP peer receives in {@code error:[code, message]}.
 *
 * <p>Codes 10–17 are the JSTP protocol codes and are sent without message text, as the
 * JSTP reference does; every other code is sent as {@code [code, message]}. The socket
 * protocol sends only the message text, so the texts of the socket-facing codes are the
 * exact ActionHero texts.
 */
public enum ErrorCode {
    /** An application-level failure without a more specific code (JSTP 1). */
    APPLICATION_ERROR(1),
    /** JSTP: unknown application or no version matches the requested range. */
    APP_NOT_FOUND(10),
    /** JSTP: bad credentials, unknown strategy or unknown session. */
    AUTH_FAILED(11),
    /** JSTP: call or inspect on an unknown interface. */
    INTERFACE_NOT_FOUND(12),
    /** JSTP: reserved, incompatible interface. */
    INTERFACE_INCOMPATIBLE(13),
    /** Unknown action name or api version; JSTP unknown method. */
    ACTION_NOT_FOUND(14),
    /** JSTP: a client received a handshake request. */
    NOT_A_SERVER(15),
    /** An unexpected failure inside a handler; its details never reach the wire. */
    INTERNAL_ERROR(16),
    /** JSTP: missing, non-array or wrong-arity arguments. */
    INVALID_SIGNATURE(17),
    /** A required action input is missing. */
    PARAM_REQUIRED(20),
    /** An action input failed its formatter or validator. */
    PARAM_INVALID(21),
    /** The connection already has the maximum number of pending actions. */
    TOO_MANY_PENDING(22),
    /** The server is shutting down and accepts no new actions. */
    SHUTTING_DOWN(23),
    /** The action did not finish before its deadline. */
    ACTION_TIMEOUT(24),
    /** A middleware rejected the call. */
    REJECTED(25),
    /** The room does not exist. */
    ROOM_NOT_FOUND(30),
    /** The connection is not a member of the room. */
    NOT_IN_ROOM(31),
    /** The connection is already a member of the room. */
    ALREADY_IN_ROOM(32),
    /** A room verb was called without its required arguments. */
    ROOM_ARGUMENTS_REQUIRED(33),
    /** The requested file does not exist or lies outside the public directory. */
    FILE_NOT_FOUND(40),
    /** A request line exceeded {@code maxDataLength}. */
    DATA_TOO_LONG(41),
    /** Malformed input on the wire (bad mdsf, bad frame, bad header). */
    PROTOCOL_ERROR(42),
    /** A shared backend (e.g. Redis) needed for this request is unreachable. */
    CLUSTER_UNAVAILABLE(50),
    /** Invalid configuration (bad option value, unreadable certificate, ...). */
    CONFIGURATION_ERROR(60);

    private final int jstpCode;

    ErrorCode(int jstpCode) {
        this.jstpCode = jstpCode;
    }

    /** The numeric code used on the JSTP wire. */
    public int jstpCode() {
        return jstpCode;
    }

    /** Whether this is one of the JSTP standard codes (10–17) that travel without text. */
    public boolean isJstpStandard() {
        return jstpCode >= 10 && jstpCode <= 17;
    }
}
