package io.tether.app.admin;

import java.util.Objects;

/**
 * Where the admin HTTP listener ({@code /health}, {@code /metrics}) binds.
 *
 * @param host bind address (default {@code 127.0.0.1}: not exposed beyond the machine)
 * @param port port; 0 picks a free port
 */
public record AdminOptions(String host, int port) {
    /** Validates the values. */
    public AdminOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tether.admin.port must be -1 (off) or 0..65535, was " + port);
        }
    }
}
