package io.tether.server.primus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the Primus endpoint (ActionHero's websocket protocol) on the HTTP listener.
 * Immutable; build with {@link #builder()} or start from {@link #defaults()}.
 *
 * <pre>{@code
 * PrimusOptions options = PrimusOptions.defaults().toBuilder()
 *         .pingInterval(Duration.ofSeconds(30)).welcomeMessage("Hello!").build();
 * }</pre>
 */
public final class PrimusOptions {
    /** The path ActionHero's Primus listens on. */
    public static final String DEFAULT_PATH = "/primus";
    /** The path ActionHero serves its browser client at. */
    public static final String DEFAULT_CLIENT_SCRIPT_PATH = "/public/javascript/ActionheroWebsocketClient.js";

    private final String path;
    private final Duration pingInterval;
    private final String welcomeMessage;
    private final Path publicDirectory;
    private final Path clientScript;
    private final String clientScriptPath;

    private PrimusOptions(Builder b) {
        this.path = b.path;
        this.pingInterval = b.pingInterval;
        this.welcomeMessage = b.welcomeMessage;
        this.publicDirectory = b.publicDirectory;
        this.clientScript = b.clientScript;
        this.clientScriptPath = b.clientScriptPath;
    }

    /** The defaults: {@code /primus}, a ping every 30 s, no files. */
    public static PrimusOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.path = path;
        b.pingInterval = pingInterval;
        b.welcomeMessage = welcomeMessage;
        b.publicDirectory = publicDirectory;
        b.clientScript = clientScript;
        b.clientScriptPath = clientScriptPath;
        return b;
    }

    /** The WebSocket path (default {@code /primus}; clients add a {@code _primuscb} query). */
    public String path() {
        return path;
    }

    /**
     * How often the server sends {@code "primus::ping::<ms>"}; a client that has not answered the
     * previous ping by the next one is disconnected. Primus' client library, as generated with
     * its defaults, reconnects when no ping came for 45 s, so keep this at most 30 s.
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** The {@code welcome} text sent on connect. */
    public String welcomeMessage() {
        return welcomeMessage;
    }

    /** The directory the {@code file} event serves from, or null (every file is not found). */
    public Path publicDirectory() {
        return publicDirectory;
    }

    /** The generated {@code ActionheroWebsocketClient.js} to serve, or null (not served). */
    public Path clientScript() {
        return clientScript;
    }

    /** The HTTP path the client script is served at. */
    public String clientScriptPath() {
        return clientScriptPath;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrimusOptions x && path.equals(x.path) && pingInterval.equals(x.pingInterval)
                && welcomeMessage.equals(x.welcomeMessage) && Objects.equals(publicDirectory, x.publicDirectory)
                && Objects.equals(clientScript, x.clientScript) && clientScriptPath.equals(x.clientScriptPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, pingInterval, welcomeMessage, publicDirectory, clientScript, clientScriptPath);
    }

    @Override
    public String toString() {
        return "PrimusOptions{path=" + path + ", pingInterval=" + pingInterval + ", welcomeMessage=" + welcomeMessage
                + ", publicDirectory=" + publicDirectory + ", clientScript=" + clientScript
                + ", clientScriptPath=" + clientScriptPath + "}";
    }

    /** Builds {@link PrimusOptions}. */
    public static final class Builder {
        private String path = DEFAULT_PATH;
        private Duration pingInterval = Duration.ofSeconds(30);
        private String welcomeMessage = "Hello! Welcome to the tether api";
        private Path publicDirectory;
        private Path clientScript;
        private String clientScriptPath = DEFAULT_CLIENT_SCRIPT_PATH;

        private Builder() {
        }

        /** See {@link PrimusOptions#path()}. */
        public Builder path(String value) {
            if (value == null || !value.startsWith("/")) {
                throw new IllegalArgumentException("primus path must start with '/': " + value);
            }
            this.path = value;
            return this;
        }

        /** See {@link PrimusOptions#pingInterval()}. */
        public Builder pingInterval(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("primus ping interval must be positive: " + value);
            }
            this.pingInterval = value;
            return this;
        }

        /** See {@link PrimusOptions#welcomeMessage()}. */
        public Builder welcomeMessage(String value) {
            this.welcomeMessage = Objects.requireNonNull(value, "welcomeMessage");
            return this;
        }

        /** See {@link PrimusOptions#publicDirectory()}. */
        public Builder publicDirectory(Path value) {
            this.publicDirectory = value;
            return this;
        }

        /** See {@link PrimusOptions#clientScript()}. */
        public Builder clientScript(Path value) {
            this.clientScript = value;
            return this;
        }

        /** See {@link PrimusOptions#clientScriptPath()}. */
        public Builder clientScriptPath(String value) {
            if (value == null || !value.startsWith("/")) {
                throw new IllegalArgumentException("client script path must start with '/': " + value);
            }
            this.clientScriptPath = value;
            return this;
        }

        /** The options. */
        public PrimusOptions build() {
            return new PrimusOptions(this);
        }
    }
}
