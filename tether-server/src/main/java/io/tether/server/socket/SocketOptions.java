package io.tether.server.socket;

import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of an ActionHero socket-protocol listener. Immutable; start from
 * {@link #defaults()} or {@link #builder()} and change with {@link #toBuilder()}:
 *
 * <pre>{@code
 * SocketOptions options = SocketOptions.defaults().toBuilder().port(0).maxDataLength(64 * 1024).build();
 * }</pre>
 */
public final class SocketOptions {
    /** Default framing cap: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    /** Default cap of bytes queued for a slow reader: 8 MiB. */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 8L * 1024 * 1024;

    /** Default welcome line. */
    public static final String DEFAULT_WELCOME_MESSAGE = "Welcome to the tether api";

    private static final SocketOptions DEFAULTS = new Builder().build();

    private final String name;
    private final String host;
    private final int port;
    private final TlsOptions tls;
    private final boolean keepAlive;
    private final String delimiter;
    private final int maxDataLength;
    private final int maxLineBytes;
    private final String welcomeMessage;
    private final Duration pendingShutdownWaitLimit;
    private final Path publicDirectory;
    private final long maxOutboundBytes;
    private final ConnectionLimits connectionLimits;
    private final StickyParamLimits stickyParams;
    private final int maxJsonTokens;

    private SocketOptions(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.keepAlive = b.keepAlive;
        this.delimiter = b.delimiter;
        this.maxDataLength = b.maxDataLength;
        this.maxLineBytes = b.delimiter == null ? b.maxLineBytes
                : Math.max(b.maxLineBytes, b.maxDataLength + b.delimiter.length());
        this.welcomeMessage = b.welcomeMessage;
        this.pendingShutdownWaitLimit = b.pendingShutdownWaitLimit;
        this.publicDirectory = b.publicDirectory;
        this.maxOutboundBytes = b.maxOutboundBytes;
        this.connectionLimits = b.connectionLimits;
        this.stickyParams = b.stickyParams;
        this.maxJsonTokens = b.maxJsonTokens;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(welcomeMessage, "welcomeMessage");
        Objects.requireNonNull(pendingShutdownWaitLimit, "pendingShutdownWaitLimit");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        Objects.requireNonNull(stickyParams, "stickyParams");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        if (maxDataLength < 0) {
            throw new IllegalArgumentException("maxDataLength must be >= 0");
        }
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be > 0");
        }
        if (maxOutboundBytes <= 0) {
            throw new IllegalArgumentException("maxOutboundBytes must be > 0");
        }
        if (maxJsonTokens < 1) {
            throw new IllegalArgumentException("maxJsonTokens must be > 0");
        }
    }

    /**
     * The defaults of the reference server: port 5000 on all addresses, no TLS, "\n" lines without a per-line
     * limit.
     */
    public static SocketOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Listener name ({@code socket} by default; use another for a second, TLS listener). */
    public String name() {
        return name;
    }

    /** Bind address (default {@code 0.0.0.0}). */
    public String host() {
        return host;
    }

    /** Port, 0..65535 (default 5000; 0 picks a free port). */
    public int port() {
        return port;
    }

    /** TLS settings (default off). */
    public TlsOptions tls() {
        return tls;
    }

    /** SO_KEEPALIVE on accepted sockets (default off). */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** Input line delimiter after CR to LF conversion, not empty (default {@code "\n"}). */
    public String delimiter() {
        return delimiter;
    }

    /** Max line length in UTF-8 bytes, 0 = no per-line limit (default 0). */
    public int maxDataLength() {
        return maxDataLength;
    }

    /**
     * Hard cap of the framing buffer; longer unterminated input closes the connection (default 1 MiB;
     * raised to {@code maxDataLength} plus the delimiter when that is more).
     */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** Text of the welcome line (default {@value #DEFAULT_WELCOME_MESSAGE}). */
    public String welcomeMessage() {
        return welcomeMessage;
    }

    /** How long shutdown waits for a busy connection (default 5 s). */
    public Duration pendingShutdownWaitLimit() {
        return pendingShutdownWaitLimit;
    }

    /** Directory served by the {@code file} verb, or null for none (default none). */
    public Path publicDirectory() {
        return publicDirectory;
    }

    /**
     * Bytes queued for a client that does not read (replies and room messages) before it is disconnected
     * (default 8 MiB; see {@link io.tether.server.flow.OutboundFlow}).
     */
    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    /**
     * Connections per listener and per address, idle and TLS handshake timeouts (default {@link
     * ConnectionLimits#defaults()}).
     */
    public ConnectionLimits connectionLimits() {
        return connectionLimits;
    }

    /**
     * Size bounds of the sticky params and of the messageId (default {@link
     * StickyParamLimits#defaults()}).
     */
    public StickyParamLimits stickyParams() {
        return stickyParams;
    }

    /**
     * Tokens (brackets, names, values) of one JSON request line; a line over it, or over Jackson's
     * nesting, number or string constraints, is answered like a line over maxDataLength and not
     * interpreted (default 200,000: about 100,000 values).
     */
    public int maxJsonTokens() {
        return maxJsonTokens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocketOptions x
                && Objects.equals(name, x.name)
                && Objects.equals(host, x.host)
                && port == x.port
                && Objects.equals(tls, x.tls)
                && keepAlive == x.keepAlive
                && Objects.equals(delimiter, x.delimiter)
                && maxDataLength == x.maxDataLength
                && maxLineBytes == x.maxLineBytes
                && Objects.equals(welcomeMessage, x.welcomeMessage)
                && Objects.equals(pendingShutdownWaitLimit, x.pendingShutdownWaitLimit)
                && Objects.equals(publicDirectory, x.publicDirectory)
                && maxOutboundBytes == x.maxOutboundBytes
                && Objects.equals(connectionLimits, x.connectionLimits)
                && Objects.equals(stickyParams, x.stickyParams)
                && maxJsonTokens == x.maxJsonTokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, host, port, tls, keepAlive, delimiter, maxDataLength, maxLineBytes,
                welcomeMessage, pendingShutdownWaitLimit, publicDirectory, maxOutboundBytes,
                connectionLimits, stickyParams, maxJsonTokens);
    }

    @Override
    public String toString() {
        return "SocketOptions["
                + "name=" + name
                + ", host=" + host
                + ", port=" + port
                + ", tls=" + tls
                + ", keepAlive=" + keepAlive
                + ", delimiter=" + delimiter
                + ", maxDataLength=" + maxDataLength
                + ", maxLineBytes=" + maxLineBytes
                + ", welcomeMessage=" + welcomeMessage
                + ", pendingShutdownWaitLimit=" + pendingShutdownWaitLimit
                + ", publicDirectory=" + publicDirectory
                + ", maxOutboundBytes=" + maxOutboundBytes
                + ", connectionLimits=" + connectionLimits
                + ", stickyParams=" + stickyParams
                + ", maxJsonTokens=" + maxJsonTokens + "]";
    }

    /** Builder of {@link SocketOptions}; every value starts at its default. */
    public static final class Builder {
        private String name = "socket";
        private String host = "0.0.0.0";
        private int port = 5000;
        private TlsOptions tls = TlsOptions.disabled();
        private boolean keepAlive;
        private String delimiter = "\n";
        private int maxDataLength;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private String welcomeMessage = DEFAULT_WELCOME_MESSAGE;
        private Duration pendingShutdownWaitLimit = Duration.ofSeconds(5);
        private Path publicDirectory;
        private long maxOutboundBytes = DEFAULT_MAX_OUTBOUND_BYTES;
        private ConnectionLimits connectionLimits = ConnectionLimits.defaults();
        private StickyParamLimits stickyParams = StickyParamLimits.defaults();
        private int maxJsonTokens = SocketRequestClassifier.DEFAULT_MAX_JSON_TOKENS;

        private Builder() {
        }

        private Builder(SocketOptions o) {
            name = o.name;
            host = o.host;
            port = o.port;
            tls = o.tls;
            keepAlive = o.keepAlive;
            delimiter = o.delimiter;
            maxDataLength = o.maxDataLength;
            maxLineBytes = o.maxLineBytes;
            welcomeMessage = o.welcomeMessage;
            pendingShutdownWaitLimit = o.pendingShutdownWaitLimit;
            publicDirectory = o.publicDirectory;
            maxOutboundBytes = o.maxOutboundBytes;
            connectionLimits = o.connectionLimits;
            stickyParams = o.stickyParams;
            maxJsonTokens = o.maxJsonTokens;
        }

        /** Listener name (default {@code socket}). */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Bind address (default {@code 0.0.0.0}). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Port, 0..65535 (default 5000; 0 picks a free port). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS settings (default off). */
        public Builder tls(TlsOptions v) {
            tls = v;
            return this;
        }

        /** SO_KEEPALIVE on accepted sockets (default off). */
        public Builder keepAlive(boolean v) {
            keepAlive = v;
            return this;
        }

        /** Input line delimiter after CR to LF conversion, not empty (default {@code "\n"}). */
        public Builder delimiter(String v) {
            delimiter = v;
            return this;
        }

        /** Max line length in UTF-8 bytes, 0 = no per-line limit (default 0). */
        public Builder maxDataLength(int v) {
            maxDataLength = v;
            return this;
        }

        /**
         * Hard cap of the framing buffer in bytes (default 1 MiB; at least maxDataLength plus the
         * delimiter).
         */
        public Builder maxLineBytes(int v) {
            maxLineBytes = v;
            return this;
        }

        /** Text of the welcome line (default {@value #DEFAULT_WELCOME_MESSAGE}). */
        public Builder welcomeMessage(String v) {
            welcomeMessage = v;
            return this;
        }

        /** How long shutdown waits for a busy connection (default 5 s). */
        public Builder pendingShutdownWaitLimit(Duration v) {
            pendingShutdownWaitLimit = v;
            return this;
        }

        /** Directory served by the {@code file} verb, or null for none (default none). */
        public Builder publicDirectory(Path v) {
            publicDirectory = v;
            return this;
        }

        /** Bytes queued for a non-reading client before it is disconnected (default 8 MiB). */
        public Builder maxOutboundBytes(long v) {
            maxOutboundBytes = v;
            return this;
        }

        /**
         * Connections per listener and per address, idle and TLS handshake timeouts (default {@link
         * ConnectionLimits#defaults()}).
         */
        public Builder connectionLimits(ConnectionLimits v) {
            connectionLimits = v;
            return this;
        }

        /**
         * Size bounds of the sticky params and of the messageId (default {@link
         * StickyParamLimits#defaults()}).
         */
        public Builder stickyParams(StickyParamLimits v) {
            stickyParams = v;
            return this;
        }

        /** Tokens of one JSON request line (default 200,000). */
        public Builder maxJsonTokens(int v) {
            maxJsonTokens = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public SocketOptions build() {
            return new SocketOptions(this);
        }
    }
}
