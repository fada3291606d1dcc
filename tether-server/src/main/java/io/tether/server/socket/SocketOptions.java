package io.tether.server.socket;

import io.tether.server.limits.ConnectionLimits;
import io.tether.codec.socket.SocketRequestClassifier;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of an ActionHero socket-protocol listener. Immutable; start from
 * {@link #defaults()} and change with {@link #toBuilder()}.
 *
 * @param name                     listener name ({@code socket} by default; use another for a second, TLS listener)
 * @param host                     bind address (default {@code 0.0.0.0})
 * @param port                     port (default 5000; 0 picks a free port)
 * @param tls                      TLS settings (default off)
 * @param keepAlive                SO_KEEPALIVE on accepted sockets (default off)
 * @param delimiter                input line delimiter after CR→LF (default {@code "\n"})
 * @param maxDataLength            max line length in UTF-8 bytes, 0 = no per-line limit (default 0)
 * @param maxLineBytes             hard cap of the framing buffer; longer unterminated input closes the connection (default 1 MiB, at least maxDataLength)
 * @param welcomeMessage           text of the welcome line
 * @param pendingShutdownWaitLimit how long shutdown waits for a busy connection (default 5 s)
 * @param publicDirectory          directory served by the {@code file} verb, or null for none
 * @param maxOutboundBytes         bytes queued for a client that does not read (replies and room messages) before it
 *                                 is disconnected (default 8 MiB; see {@link io.tether.server.flow.OutboundFlow})
 * @param connectionLimits         connections per listener and per address, idle and TLS handshake timeouts
 * @param stickyParams             size bounds of the sticky params and of the messageId
 * @param maxJsonTokens            tokens (brackets, names, values) of one JSON request line; a line over it, or over
 *                                 Jackson's nesting, number or string constraints, is answered like a line over
 *                                 maxDataLength and not interpreted (default 200,000: about 100,000 values)
 */
public record SocketOptions(String name, String host, int port, TlsOptions tls, boolean keepAlive, String delimiter,
                            int maxDataLength, int maxLineBytes, String welcomeMessage,
                            Duration pendingShutdownWaitLimit, Path publicDirectory, long maxOutboundBytes,
                            ConnectionLimits connectionLimits, StickyParamLimits stickyParams,
                            int maxJsonTokens) {

    /** Default framing cap: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

    /** Default cap of bytes queued for a slow reader: 8 MiB. */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 8L * 1024 * 1024;

    /** Validates the values. */
    public SocketOptions {
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
        maxLineBytes = Math.max(maxLineBytes, maxDataLength + delimiter.length());
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

    /** The defaults of the reference server. */
    public static SocketOptions defaults() {
        return new SocketOptions("socket", "0.0.0.0", 5000, TlsOptions.disabled(), false, "\n", 0,
                DEFAULT_MAX_LINE_BYTES, "Welcome to the tether api", Duration.ofSeconds(5), null,
                DEFAULT_MAX_OUTBOUND_BYTES, ConnectionLimits.defaults(), StickyParamLimits.defaults(),
                SocketRequestClassifier.DEFAULT_MAX_JSON_TOKENS);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link SocketOptions}. */
    public static final class Builder {
        private String name;
        private String host;
        private int port;
        private TlsOptions tls;
        private boolean keepAlive;
        private String delimiter;
        private int maxDataLength;
        private int maxLineBytes;
        private String welcomeMessage;
        private Duration pendingShutdownWaitLimit;
        private Path publicDirectory;
        private long maxOutboundBytes;
        private ConnectionLimits connectionLimits;
        private StickyParamLimits stickyParams;
        private int maxJsonTokens;

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

        /** Listener name. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Bind address. */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Port, 0 for any free port. */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS settings. */
        public Builder tls(TlsOptions v) {
            tls = v;
            return this;
        }

        /** SO_KEEPALIVE. */
        public Builder keepAlive(boolean v) {
            keepAlive = v;
            return this;
        }

        /** Input line delimiter. */
        public Builder delimiter(String v) {
            delimiter = v;
            return this;
        }

        /** Max line length in UTF-8 bytes (0 = no per-line limit). */
        public Builder maxDataLength(int v) {
            maxDataLength = v;
            return this;
        }

        /** Hard cap of the framing buffer in bytes. */
        public Builder maxLineBytes(int v) {
            maxLineBytes = v;
            return this;
        }

        /** Welcome text. */
        public Builder welcomeMessage(String v) {
            welcomeMessage = v;
            return this;
        }

        /** Max drain time per connection on shutdown. */
        public Builder pendingShutdownWaitLimit(Duration v) {
            pendingShutdownWaitLimit = v;
            return this;
        }

        /** Directory served by the file verb. */
        public Builder publicDirectory(Path v) {
            publicDirectory = v;
            return this;
        }

        /** Bytes queued for a non-reading client before it is disconnected. */
        public Builder maxOutboundBytes(long v) {
            maxOutboundBytes = v;
            return this;
        }

        /** Connections per listener and per address, idle and TLS handshake timeouts. */
        public Builder connectionLimits(ConnectionLimits v) {
            connectionLimits = v;
            return this;
        }

        /** Bounds of the sticky params and the messageId. */
        public Builder stickyParams(StickyParamLimits v) {
            stickyParams = v;
            return this;
        }

        /** Tokens of one JSON request line. */
        public Builder maxJsonTokens(int v) {
            maxJsonTokens = v;
            return this;
        }

        /** Builds the options. */
        public SocketOptions build() {
            return new SocketOptions(name, host, port, tls, keepAlive, delimiter, maxDataLength, maxLineBytes,
                    welcomeMessage, pendingShutdownWaitLimit, publicDirectory, maxOutboundBytes, connectionLimits,
                    stickyParams, maxJsonTokens);
        }
    }
}
