package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.mdsf.MdsfLimits;
import io.tether.server.jstp.JstpOptions;
import io.tether.core.session.resume.SessionLimits;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps {@code tether.jstp} to the JSTP listener's options: empty when {@code enabled} is
 * false. The application adds its JSTP applications and login ({@code io.tether.app.AppSetup}).
 */
final class JstpSettings {
    private static final String PATH = "tether.jstp";

    private JstpSettings() {
    }

    static Optional<JstpOptions> from(Config jstp) {
        if (!jstp.getBoolean("enabled")) {
            return Optional.empty();
        }
        String actions = jstp.getString("actions-interface");
        String chat = jstp.getString("chat-interface");
        if (actions.isBlank() || chat.isBlank() || actions.equals(chat)) {
            throw error(PATH + ".actions-interface and " + PATH
                    + ".chat-interface must be two different non-empty names, were '" + actions + "' and '"
                    + chat + "'");
        }
        JstpOptions options = JstpOptions.defaults().toBuilder()
                .host(jstp.getString("host"))
                .port(port(jstp))
                .tls(TlsSettings.from(jstp.getConfig("tls"), PATH + ".tls"))
                .maxMessageBytes(bytes(jstp, "max-message-bytes"))
                .maxHandshakeBytes(bytes(jstp, "max-handshake-bytes"))
                .mdsfLimits(MdsfLimits.defaults().toBuilder()
                        .maxElements(positive(jstp, "max-elements"))
                        .maxNumberLength(positive(jstp, "max-number-length"))
                        .build())
                .handshakeTimeout(duration(jstp, "handshake-timeout", false))
                .heartbeatInterval(duration(jstp, "heartbeat-interval", true))
                .peerCallTimeout(duration(jstp, "peer-call-timeout", false))
                .sessionExpiry(duration(jstp, "session-expiry", false))
                .sessionLimits(SessionLimits.builder()
                        .maxEntries(positive(jstp, "session-max-buffered-messages"))
                        .maxBytes(positiveBytes(jstp, "session-max-buffered-bytes"))
                        .build())
                .maxDetachedSessions(positive(jstp, "max-detached-sessions"))
                .maxDetachedSessionsPerAddress(positive(jstp, "max-detached-sessions-per-address"))
                .sessionBufferBudgetBytes(positiveBytes(jstp, "session-buffer-budget"))
                .maxOutboundBytes(positiveBytes(jstp, "max-outbound-bytes"))
                .builtinApplication(jstp.getString("builtin-application"))
                .actionsInterface(actions)
                .chatInterface(chat)
                .connectionLimits(ConnectionLimitsSettings.from(jstp, PATH))
                .login(LoginSettings.from(jstp.getConfig("login"), PATH + ".login"))
                .handshakeRate(RateLimitSettings.limit(jstp.getConfig("handshake-rate"), PATH + ".handshake-rate"))
                .build();
        return Optional.of(options);
    }

    private static int port(Config jstp) {
        int port = jstp.getInt("port");
        if (port < 0 || port > 65535) {
            throw error(PATH + ".port must be between 0 and 65535, was " + port);
        }
        return port;
    }

    private static Duration duration(Config jstp, String key, boolean zeroAllowed) {
        Duration d = jstp.getDuration(key);
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw error(PATH + "." + key + " must be " + (zeroAllowed ? "0 (off) or more" : "more than 0")
                    + ", was " + jstp.getValue(key).unwrapped());
        }
        return d;
    }

    private static int bytes(Config jstp, String key) {
        long bytes = jstp.getBytes(key);
        if (bytes < 64 || bytes > Integer.MAX_VALUE) {
            throw error(PATH + "." + key + " must be between 64 and " + Integer.MAX_VALUE + ", was " + bytes);
        }
        return (int) bytes;
    }

    private static int positive(Config jstp, String key) {
        int n = jstp.getInt(key);
        if (n < 1) {
            throw error(PATH + "." + key + " must be 1 or more, was " + n);
        }
        return n;
    }

    private static long positiveBytes(Config jstp, String key) {
        long bytes = jstp.getBytes(key);
        if (bytes <= 0) {
            throw error(PATH + "." + key + " must be more than 0, was " + bytes);
        }
        return bytes;
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
