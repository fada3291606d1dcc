package io.tether.bench.load;

/** Wire protocols the load generator speaks. */
public enum Protocol {
    /** ActionHero socket protocol: one line per request, one JSON line per reply. */
    SOCKET,
    /** JSTP: NUL-framed mdsf, handshake then {@code call}/{@code callback} matched by id. */
    JSTP,
    /**
     * ActionHero's websocket protocol (Primus, JSON) over WebSocket only ({@code --ws}, default
     * {@code /primus}): {@code action} events matched by {@code messageId}.
     */
    PRIMUS,
    /** Redis inline {@code PING}, answered {@code +PONG} (baseline against redis-server). */
    REDIS
}
