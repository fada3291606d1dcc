package io.tether.bench.load;

/** Wire protocols the load generator speaks. */
public enum Protocol {
    /** ActionHero socket protocol: one line per request, one JSON line per reply. */
    SOCKET,
    /** JSTP: NUL-framed mdsf, handshake then {@code call}/{@code callback} matched by id. */
    JSTP,
    /** Redis inline {@code PING}, answered {@code +PONG} (baseline against redis-server). */
    REDIS
}
