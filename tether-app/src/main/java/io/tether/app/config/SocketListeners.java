package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.TetherException;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.StickyParamLimits;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps {@code tether.socket} to listener options: one listener on {@code port} (TLS when a
 * certificate is configured and {@code tls.port} is -1), or a plain listener on {@code port}
 * plus a TLS listener named {@code socket-tls} on {@code tls.port}.
 */
final class SocketListeners {
    /** Name of the second, TLS listener. */
    static final String TLS_LISTENER = "socket-tls";

    private SocketListeners() {
    }

    static List<SocketOptions> from(Config socket, Path jarDirectory) {
        TlsOptions tls = TlsSettings.from(socket.getConfig("tls"), "tether.socket.tls");
        int tlsPort = socket.getInt("tls.port") == -1 ? -1 : port(socket, "tls.port");
        SocketOptions base = SocketOptions.defaults().toBuilder()
                .host(socket.getString("host"))
                .port(port(socket, "port"))
                .keepAlive(socket.getBoolean("keepalive"))
                .delimiter(socket.getString("delimiter"))
                .maxDataLength(nonNegative(socket, "max-data-length"))
                .maxLineBytes(nonNegative(socket, "max-line-bytes"))
                .maxOutboundBytes(socket.getBytes("max-outbound-bytes"))
                .maxJsonTokens(positive(socket, "max-json-tokens"))
                .welcomeMessage(socket.getString("welcome"))
                .pendingShutdownWaitLimit(socket.getDuration("pending-shutdown-wait"))
                .publicDirectory(PublicDirectory.resolve(socket.getString("public-dir"), jarDirectory))
                .connectionLimits(ConnectionLimitsSettings.from(socket, "tether.socket"))
                .stickyParams(stickyParams(socket))
                .build();
        if (tlsPort == -1) {
            return List.of(base.toBuilder().tls(tls).build());
        }
        if (!tls.enabled()) {
            throw error("tether.socket.tls.port is set but no certificate is: set tls.cert and tls.key, "
                    + "or tls.pkcs12");
        }
        return List.of(base, base.toBuilder().name(TLS_LISTENER).port(tlsPort).tls(tls).build());
    }

    private static StickyParamLimits stickyParams(Config socket) {
        return StickyParamLimits.defaults().toBuilder()
                .maxValueBytes(positiveBytes(socket, "max-sticky-value-bytes"))
                .maxTotalBytes(positiveBytes(socket, "max-sticky-params-bytes"))
                .maxMessageIdLength(positive(socket, "max-message-id-length"))
                .build();
    }

    private static int positiveBytes(Config socket, String key) {
        long value = socket.getBytes(key);
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw error("tether.socket." + key + " must be between 1 and " + Integer.MAX_VALUE + ", was " + value);
        }
        return (int) value;
    }

    private static int positive(Config socket, String key) {
        int value = socket.getInt(key);
        if (value < 1) {
            throw error("tether.socket." + key + " must be more than 0, was " + value);
        }
        return value;
    }

    private static int port(Config socket, String key) {
        int port = socket.getInt(key);
        if (port < 0 || port > 65535) {
            throw error("tether.socket." + key + " must be between 0 and 65535, was " + port);
        }
        return port;
    }

    private static int nonNegative(Config socket, String key) {
        int value = socket.getInt(key);
        if (value < 0) {
            throw error("tether.socket." + key + " must not be negative, was " + value);
        }
        return value;
    }

    private static TetherException error(String message) {
        return TlsSettings.error(message);
    }
}
