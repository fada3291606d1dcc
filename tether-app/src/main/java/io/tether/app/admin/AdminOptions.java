package io.tether.app.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the admin HTTP listener ({@code /health}, {@code /metrics}) binds.
 *
 * @param host           bind address (default {@code 127.0.0.1}: not exposed beyond the machine)
 * @param port           port; 0 picks a free port
 * @param requestTimeout a connection (one request each) is closed this long after it was accepted,
 *                       answered or not; {@link Duration#ZERO} = off (default 30 s)
 */
public record AdminOptions(String host, int port, Duration requestTimeout) {
    /** Default request timeout: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Validates the values. */
    public AdminOptions {
        Objects.requireNonNull(host, "host");
        if (requestTimeout == null || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("tether.admin.request-timeout must be 0 (off) or more");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tether.admin.port must be -1 (off) or 0..65535, was " + port);
        }
    }

    /** Binds {@code host:port} with the default request timeout. */
    public AdminOptions(String host, int port) {
        this(host, port, DEFAULT_REQUEST_TIMEOUT);
    }
}
