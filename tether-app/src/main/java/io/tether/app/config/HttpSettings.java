package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.http.HttpOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps {@code tether.http} to the HTTP listener's settings: empty when {@code enabled} is
 * false.
 */
final class HttpSettings {
    private static final String PATH = "tether.http";

    private HttpSettings() {
    }

    static Optional<HttpListenerConfig> from(Config http) {
        if (!http.getBoolean("enabled")) {
            return Optional.empty();
        }
        int port = http.getInt("port");
        if (port < 0 || port > 65535) {
            throw error(PATH + ".port must be between 0 and 65535, was " + port);
        }
        String jstpPath = http.getString("jstp-path");
        if (!jstpPath.isEmpty() && (!jstpPath.startsWith("/") || jstpPath.contains("?"))) {
            throw error(PATH + ".jstp-path must be empty (off) or a path starting with /, was '" + jstpPath + "'");
        }
        try {
            HttpOptions options = HttpOptions.builder()
                    .host(http.getString("host"))
                    .port(port)
                    .tls(TlsSettings.from(http.getConfig("tls"), PATH + ".tls"))
                    .allowedOrigins(http.getStringList("allowed-origins"))
                    .maxRequestBytes(bytes(http, "max-request-bytes"))
                    .maxFrameBytes(bytes(http, "max-frame-bytes"))
                    .maxMessageBytes(bytes(http, "max-message-bytes"))
                    .requestTimeout(duration(http, "request-timeout", false))
                    .pingInterval(duration(http, "ping-interval", true))
                    .pongTimeout(duration(http, "pong-timeout", false))
                    .maxOutboundBytes(bytes(http, "max-outbound-bytes"))
                    .connectionLimits(ConnectionLimitsSettings.from(http, PATH))
                    .build();
            return Optional.of(new HttpListenerConfig(options, jstpPath, web(http)));
        } catch (IllegalArgumentException e) {
            throw error(PATH + ": " + e.getMessage());
        }
    }

    private static WebPageConfig web(Config http) {
        String primusPath = http.getString("primus-path");
        if (!primusPath.isEmpty() && (!primusPath.startsWith("/") || primusPath.contains("?"))) {
            throw error(PATH + ".primus-path must be empty (off) or a path starting with /, was '" + primusPath + "'");
        }
        Duration ping = duration(http, "primus-ping-interval", false);
        String script = http.getString("actionhero-client-script");
        String jstpScript = http.getString("jstp-client-script");
        return new WebPageConfig(primusPath, ping, script.isBlank() ? Optional.empty() : Optional.of(Path.of(script)),
                http.getBoolean("demo-page"),
                jstpScript.isBlank() ? Optional.empty() : Optional.of(Path.of(jstpScript)));
    }

    private static Duration duration(Config c, String key, boolean zeroAllowed) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw error(PATH + "." + key + " must be " + (zeroAllowed ? "0 (off) or more" : "more than 0")
                    + ", was " + c.getValue(key).unwrapped());
        }
        return d;
    }

    private static int bytes(Config c, String key) {
        long bytes = c.getBytes(key);
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw error(PATH + "." + key + " must be between 1 and " + Integer.MAX_VALUE + ", was " + bytes);
        }
        return (int) bytes;
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
