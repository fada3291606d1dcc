package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.testapp.JstpTestApp;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps {@code tether.jstp} to the JSTP listener's options: empty when {@code enabled} is
 * false; with the {@code jstp-test} demo, the test application and its login are added.
 */
final class JstpSettings {
    private static final String PATH = "tether.jstp";

    private JstpSettings() {
    }

    static Optional<JstpOptions> from(Config jstp, Demo demo) {
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
                .maxMessageBytes(maxMessageBytes(jstp))
                .handshakeTimeout(duration(jstp, "handshake-timeout", false))
                .heartbeatInterval(duration(jstp, "heartbeat-interval", true))
                .sessionExpiry(duration(jstp, "session-expiry", false))
                .methodTimeout(duration(jstp, "method-timeout", false))
                .builtinApplication(jstp.getString("builtin-application"))
                .actionsInterface(actions)
                .chatInterface(chat)
                .login(LoginSettings.from(jstp.getConfig("login"), PATH + ".login"))
                .build();
        return Optional.of(demo.hostsJstpTestApp() ? JstpTestApp.configure(options) : options);
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

    private static int maxMessageBytes(Config jstp) {
        long bytes = jstp.getBytes("max-message-bytes");
        if (bytes < 64 || bytes > Integer.MAX_VALUE) {
            throw error(PATH + ".max-message-bytes must be between 64 and " + Integer.MAX_VALUE
                    + ", was " + bytes);
        }
        return (int) bytes;
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
