package io.tether.server.http;

import io.tether.server.limits.ConnectionLimits;
import io.tether.server.tls.TlsOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP listener ({@link HttpProtocolServer}): where it binds, TLS, which
 * browser origins may open a WebSocket, the WebSocket frame and message caps, the idle
 * ping/pong and the per-connection limits. Immutable; {@link #defaults()} or
 * {@link #builder()}.
 *
 * <pre>{@code
 * HttpOptions http = HttpOptions.builder().port(8080)
 *         .allowedOrigins(List.of("https://app.example.com")).build();
 * }</pre>
 */
public final class HttpOptions {
    /** Default cap of one WebSocket frame's payload (1 MiB). */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** Default cap of one WebSocket message, continuation frames included (8 MiB, JSTP's message cap). */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 << 20;
    /** Default cap of an HTTP request head and body (8 KiB: upgrades and GETs only). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 8 * 1024;
    /** Default cap of bytes queued for a WebSocket client that does not read (8 MiB). */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 8L << 20;

    private final String name;
    private final String host;
    private final int port;
    private final TlsOptions tls;
    private final List<String> allowedOrigins;
    private final int maxRequestBytes;
    private final int maxFrameBytes;
    private final int maxMessageBytes;
    private final Duration requestTimeout;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final long maxOutboundBytes;
    private final ConnectionLimits connectionLimits;

    private HttpOptions(Builder b) {
        this.name = requireText(b.name, "name");
        this.host = requireText(b.host, "host");
        if (b.port < 0 || b.port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + b.port);
        }
        this.port = b.port;
        this.tls = Objects.requireNonNull(b.tls, "tls");
        this.allowedOrigins = List.copyOf(b.allowedOrigins);
        this.maxRequestBytes = atLeast(b.maxRequestBytes, 1024, "maxRequestBytes");
        this.maxFrameBytes = atLeast(b.maxFrameBytes, 125, "maxFrameBytes");
        this.maxMessageBytes = atLeast(b.maxMessageBytes, b.maxFrameBytes, "maxMessageBytes (at least maxFrameBytes)");
        this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
        this.pingInterval = notNegative(b.pingInterval, "pingInterval");
        this.pongTimeout = positive(b.pongTimeout, "pongTimeout");
        if (b.maxOutboundBytes < 1) {
            throw new IllegalArgumentException("maxOutboundBytes must be positive: " + b.maxOutboundBytes);
        }
        this.maxOutboundBytes = b.maxOutboundBytes;
        this.connectionLimits = Objects.requireNonNull(b.connectionLimits, "connectionLimits");
    }

    /** The defaults: port 8080 on every interface, plain HTTP, same-origin browsers only. */
    public static HttpOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Listener name, also in logs and {@code TetherServer.port(name)} (default {@code http}). */
    public String name() {
        return name;
    }

    /** Bind address (default {@code 0.0.0.0}). */
    public String host() {
        return host;
    }

    /** Port (default 8080; 0 picks a free port). */
    public int port() {
        return port;
    }

    /** TLS settings: on, the listener speaks HTTPS and {@code wss:} (default off). */
    public TlsOptions tls() {
        return tls;
    }

    /**
     * Browser origins (e.g. {@code https://app.example.com}) allowed to open a WebSocket besides
     * the listener's own; {@code *} allows every origin. A request without an {@code Origin}
     * header (not a browser) is always allowed; one from another origin gets 403 (default empty:
     * same origin only, i.e. the origin's host and port are the request's {@code Host}).
     */
    public List<String> allowedOrigins() {
        return allowedOrigins;
    }

    /** Cap of an HTTP request (head and body); a longer body answers 413, longer headers 400 (default 8 KiB). */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Cap of one WebSocket frame's payload; a longer frame closes with 1009 (default 1 MiB). */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Cap of one WebSocket message (its frames together); a longer one closes with 1009
     * (default 8 MiB). An endpoint may apply a lower cap of its own (JSTP's message caps).
     */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** A connection without a complete HTTP request within this is closed (default 10 s). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * After this long without any frame from the client the server sends a WebSocket ping
     * ({@link Duration#ZERO} = never; default 30 s).
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /**
     * A client that sends nothing (not even the pong) within this after a ping is closed with
     * 1001 (default 30 s).
     */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    /** Bytes queued for a WebSocket client that does not read before it is cut off (default 8 MiB). */
    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    /**
     * Connections per listener and per address, idle timeout and TLS handshake timeout (default
     * {@link ConnectionLimits#defaults()}).
     */
    public ConnectionLimits connectionLimits() {
        return connectionLimits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpOptions x && name.equals(x.name) && host.equals(x.host) && port == x.port
                && tls.equals(x.tls) && allowedOrigins.equals(x.allowedOrigins)
                && maxRequestBytes == x.maxRequestBytes && maxFrameBytes == x.maxFrameBytes
                && maxMessageBytes == x.maxMessageBytes && requestTimeout.equals(x.requestTimeout)
                && pingInterval.equals(x.pingInterval) && pongTimeout.equals(x.pongTimeout)
                && maxOutboundBytes == x.maxOutboundBytes && connectionLimits.equals(x.connectionLimits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, host, port, tls, allowedOrigins, maxRequestBytes, maxFrameBytes, maxMessageBytes,
                requestTimeout, pingInterval, pongTimeout, maxOutboundBytes, connectionLimits);
    }

    @Override
    public String toString() {
        return "HttpOptions[name=" + name + ", host=" + host + ", port=" + port + ", tls=" + tls
                + ", allowedOrigins=" + allowedOrigins + ", maxRequestBytes=" + maxRequestBytes
                + ", maxFrameBytes=" + maxFrameBytes + ", maxMessageBytes=" + maxMessageBytes
                + ", requestTimeout=" + requestTimeout + ", pingInterval=" + pingInterval
                + ", pongTimeout=" + pongTimeout + ", maxOutboundBytes=" + maxOutboundBytes
                + ", connectionLimits=" + connectionLimits + "]";
    }

    private static String requireText(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return v;
    }

    private static int atLeast(int v, int min, String what) {
        if (v < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ": " + v);
        }
        return v;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
        return d;
    }

    private static Duration notNegative(Duration d, String what) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative: " + d);
        }
        return d;
    }

    /** Builder of {@link HttpOptions}; every value starts at its default. */
    public static final class Builder {
        private String name = "http";
        private String host = "0.0.0.0";
        private int port = 8080;
        private TlsOptions tls = TlsOptions.disabled();
        private List<String> allowedOrigins = List.of();
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pongTimeout = Duration.ofSeconds(30);
        private long maxOutboundBytes = DEFAULT_MAX_OUTBOUND_BYTES;
        private ConnectionLimits connectionLimits = ConnectionLimits.defaults();

        private Builder() {
        }

        private Builder(HttpOptions o) {
            name = o.name;
            host = o.host;
            port = o.port;
            tls = o.tls;
            allowedOrigins = o.allowedOrigins;
            maxRequestBytes = o.maxRequestBytes;
            maxFrameBytes = o.maxFrameBytes;
            maxMessageBytes = o.maxMessageBytes;
            requestTimeout = o.requestTimeout;
            pingInterval = o.pingInterval;
            pongTimeout = o.pongTimeout;
            maxOutboundBytes = o.maxOutboundBytes;
            connectionLimits = o.connectionLimits;
        }

        /** Listener name (default {@code http}). */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Bind address (default {@code 0.0.0.0}). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Port, 0..65535 (default 8080). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS settings (default off). */
        public Builder tls(TlsOptions v) {
            tls = v;
            return this;
        }

        /** Origins allowed besides the listener's own; {@code *} = any (default none). */
        public Builder allowedOrigins(List<String> v) {
            allowedOrigins = List.copyOf(v);
            return this;
        }

        /** Cap of an HTTP request in bytes, at least 1024 (default 8 KiB). */
        public Builder maxRequestBytes(int v) {
            maxRequestBytes = v;
            return this;
        }

        /** Cap of one WebSocket frame's payload in bytes, at least 125 (default 1 MiB). */
        public Builder maxFrameBytes(int v) {
            maxFrameBytes = v;
            return this;
        }

        /** Cap of one WebSocket message in bytes, at least {@code maxFrameBytes} (default 8 MiB). */
        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        /** Time allowed for a complete HTTP request (default 10 s). */
        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        /** Ping after this long without a frame from the client, zero = never (default 30 s). */
        public Builder pingInterval(Duration v) {
            pingInterval = v;
            return this;
        }

        /** Close a client silent for this long after a ping (default 30 s). */
        public Builder pongTimeout(Duration v) {
            pongTimeout = v;
            return this;
        }

        /** Bytes queued for a client that does not read before it is cut off (default 8 MiB). */
        public Builder maxOutboundBytes(long v) {
            maxOutboundBytes = v;
            return this;
        }

        /** Connection limits (default {@link ConnectionLimits#defaults()}). */
        public Builder connectionLimits(ConnectionLimits v) {
            connectionLimits = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException. */
        public HttpOptions build() {
            return new HttpOptions(this);
        }
    }
}
