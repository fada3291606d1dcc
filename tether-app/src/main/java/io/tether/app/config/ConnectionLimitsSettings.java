package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.limits.ConnectionLimits;
import java.time.Duration;

/**
 * Maps the connection-bound keys shared by {@code tether.socket} and {@code tether.jstp}
 * ({@code max-connections}, {@code max-connections-per-address}, {@code idle-timeout},
 * {@code tls-handshake-timeout}) to {@link ConnectionLimits}.
 */
final class ConnectionLimitsSettings {
    private ConnectionLimitsSettings() {
    }

    static ConnectionLimits from(Config listener, String path) {
        return ConnectionLimits.builder()
                .maxConnections(count(listener, path, "max-connections"))
                .maxConnectionsPerAddress(count(listener, path, "max-connections-per-address"))
                .idleTimeout(duration(listener, path, "idle-timeout", true))
                .tlsHandshakeTimeout(duration(listener, path, "tls-handshake-timeout", false))
                .build();
    }

    private static int count(Config c, String path, String key) {
        int value = c.getInt(key);
        if (value < 0) {
            throw error(path + "." + key + " must be 0 (no limit) or more, was " + value);
        }
        return value;
    }

    private static Duration duration(Config c, String path, String key, boolean zeroAllowed) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw error(path + "." + key + " must be " + (zeroAllowed ? "0 (off) or more" : "more than 0")
                    + ", was " + c.getValue(key).unwrapped());
        }
        return d;
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
