package io.tether.core.limits;

/**
 * Why the server refused, cut off or throttled a client: one constant per bound, so each
 * bound has one metric ({@code tether_refusals_total{reason="…"}}) and one log wording.
 * The {@link #metricName()} is stable; add constants, never rename them.
 */
public enum Refusal {
    /** A listener is at its connection limit. */
    CONNECTIONS_PER_LISTENER,
    /** One remote address is at its connection limit. */
    CONNECTIONS_PER_ADDRESS,
    /** No handshake (JSTP) or no first request (socket) within the pre-handshake timeout. */
    HANDSHAKE_TIMEOUT,
    /** No inbound traffic within the idle timeout. */
    IDLE_TIMEOUT,
    /** A client that does not read had more than the outbound cap queued: disconnected. */
    SLOW_CONSUMER,
    /** A message or line over its size limit (handshake and pre-handshake caps included). */
    MESSAGE_TOO_LARGE,
    /** A message over the parser's element or number-literal budget. */
    PARSE_BUDGET,
    /** A sticky param over its value size, or a connection over its total. */
    STICKY_PARAMS,
    /** A messageId over its length limit. */
    MESSAGE_ID_TOO_LONG,
    /** A new JSTP session refused or an old detached one evicted: per-node session limit. */
    SESSIONS_PER_NODE,
    /** A new JSTP session refused or an old detached one evicted: per-address session limit. */
    SESSIONS_PER_ADDRESS,
    /** A session dropped because the node-wide budget of buffered session messages is spent. */
    SESSION_BUFFER_BUDGET,
    /** A session dropped because its own resend buffer is full. */
    SESSION_BUFFER_FULL,
    /** A login attempt refused because of earlier failures (per address or per user). */
    LOGIN_THROTTLED,
    /** A handshake or request refused because too many are waiting already. */
    OVERLOADED,
    /** A request (action, JSTP call or event, room operation) over its session's rate limit. */
    RATE_LIMITED_SESSION,
    /** A request over the rate limit its remote address shares with the address's other sessions. */
    RATE_LIMITED_ADDRESS,
    /** A JSTP handshake (new session, login or restore) over its address's handshake rate limit. */
    RATE_LIMITED_HANDSHAKE,
    /** A connection refused by the application's {@link io.tether.api.ConnectionPolicy}. */
    CONNECTION_POLICY;

    /** The {@code reason} tag value: the constant's name in lower case. */
    public String metricName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
