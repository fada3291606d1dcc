package io.tether.client.jstp;

import io.netty.channel.EventLoopGroup;
import io.tether.client.ClientTlsOptions;
import io.tether.client.ReconnectOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link JstpClient}: immutable, with {@link #builder()}, {@link #defaults()}
 * and {@link #toBuilder()}.
 */
public final class JstpClientOptions {
    /** Default cap on one incoming message: 8 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** Default cap on unacknowledged originated messages kept for resending: 10,000. */
    public static final int DEFAULT_MAX_BUFFERED_MESSAGES = 10_000;
    private static final JstpClientListener NO_LISTENER = new JstpClientListener() { };

    private static final JstpClientOptions DEFAULTS = new Builder().build();

    private final String host;
    private final int port;
    private final ClientTlsOptions tls;
    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration callTimeout;
    private final Duration heartbeatInterval;
    private final ReconnectOptions reconnect;
    private final int maxMessageBytes;
    private final int maxBufferedMessages;
    private final LocalApplication application;
    private final JstpClientListener listener;
    private final EventLoopGroup eventLoopGroup;
    private final String webSocketPath;

    private JstpClientOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.callTimeout = b.callTimeout;
        this.heartbeatInterval = b.heartbeatInterval;
        this.reconnect = b.reconnect;
        this.maxMessageBytes = b.maxMessageBytes;
        this.maxBufferedMessages = b.maxBufferedMessages;
        this.application = b.application;
        this.listener = b.listener;
        this.eventLoopGroup = b.eventLoopGroup;
        this.webSocketPath = b.webSocketPath;
        if (webSocketPath != null && (!webSocketPath.startsWith("/") || webSocketPath.contains("#"))) {
            throw new IllegalArgumentException("webSocketPath must start with /: " + webSocketPath);
        }
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(listener, "listener");
        if (port < 0 || port > 65535 || maxMessageBytes < 1024 || maxBufferedMessages < 1) {
            throw new IllegalArgumentException("bad port or maxMessageBytes");
        }
        if (heartbeatInterval != null && (heartbeatInterval.isNegative() || heartbeatInterval.isZero())) {
            throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
    }

    /**
     * The path of the WebSocket transport (see {@link Builder#webSocket}), or {@code null} for
     * JSTP over TCP (default).
     */
    public String webSocketPath() {
        return webSocketPath;
    }

    /** localhost:4000, plain TCP, no heartbeat, the defaults of each option. */
    public static JstpClientOptions defaults() {
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

    /** Server host (default {@code localhost}). */
    public String host() {
        return host;
    }

    /** Server port, 0..65535 (default 4000). */
    public int port() {
        return port;
    }

    /** TLS trust, or null for plain TCP (default null). */
    public ClientTlsOptions tls() {
        return tls;
    }

    /** Deadline of TCP connect and TLS (default 5 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Wait for a handshake reply (default 5 s). */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** Default deadline of calls, inspects and pings (default 30 s; JSTP itself has none). */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Ping interval started after each handshake or restore, positive, or null for none (default null). */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Reconnection (default exponential 1 s to 32 s, 0 to 1 s jitter, unlimited attempts). */
    public ReconnectOptions reconnect() {
        return reconnect;
    }

    /** Cap on one incoming message, at least 1024 (default 8 MiB). */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Cap on unacknowledged originated messages kept for resending, at least 1 (default 10,000); beyond it
     * new calls and events fail at once.
     */
    public int maxBufferedMessages() {
        return maxBufferedMessages;
    }

    /**
     * Interfaces hosted by the client (default none: every call and inspect from the server is answered
     * {@code [12]}, interface not found).
     */
    public LocalApplication application() {
        return application;
    }

    /** Event listener (default no-op). */
    public JstpClientListener listener() {
        return listener;
    }

    /** Group to share, or null to own a one-thread group (default null). */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JstpClientOptions x
                && Objects.equals(host, x.host)
                && port == x.port
                && Objects.equals(tls, x.tls)
                && Objects.equals(connectTimeout, x.connectTimeout)
                && Objects.equals(handshakeTimeout, x.handshakeTimeout)
                && Objects.equals(callTimeout, x.callTimeout)
                && Objects.equals(heartbeatInterval, x.heartbeatInterval)
                && Objects.equals(reconnect, x.reconnect)
                && maxMessageBytes == x.maxMessageBytes
                && maxBufferedMessages == x.maxBufferedMessages
                && Objects.equals(application, x.application)
                && Objects.equals(listener, x.listener)
                && Objects.equals(eventLoopGroup, x.eventLoopGroup)
                && Objects.equals(webSocketPath, x.webSocketPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, tls, connectTimeout, handshakeTimeout, callTimeout, heartbeatInterval,
                reconnect, maxMessageBytes, maxBufferedMessages, application, listener, eventLoopGroup,
                webSocketPath);
    }

    @Override
    public String toString() {
        return "JstpClientOptions["
                + "host=" + host
                + ", port=" + port
                + ", tls=" + tls
                + ", connectTimeout=" + connectTimeout
                + ", handshakeTimeout=" + handshakeTimeout
                + ", callTimeout=" + callTimeout
                + ", heartbeatInterval=" + heartbeatInterval
                + ", reconnect=" + reconnect
                + ", maxMessageBytes=" + maxMessageBytes
                + ", maxBufferedMessages=" + maxBufferedMessages
                + ", application=" + application
                + ", listener=" + listener
                + ", eventLoopGroup=" + eventLoopGroup
                + ", webSocketPath=" + webSocketPath + "]";
    }

    /** Builder of {@link JstpClientOptions}; every value starts at its default. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 4000;
        private ClientTlsOptions tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration handshakeTimeout = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration heartbeatInterval;
        private ReconnectOptions reconnect = ReconnectOptions.defaults();
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxBufferedMessages = DEFAULT_MAX_BUFFERED_MESSAGES;
        private LocalApplication application = LocalApplication.none();
        private JstpClientListener listener = NO_LISTENER;
        private EventLoopGroup eventLoopGroup;
        private String webSocketPath;

        private Builder() {
        }

        private Builder(JstpClientOptions o) {
            host = o.host;
            port = o.port;
            tls = o.tls;
            connectTimeout = o.connectTimeout;
            handshakeTimeout = o.handshakeTimeout;
            callTimeout = o.callTimeout;
            heartbeatInterval = o.heartbeatInterval;
            reconnect = o.reconnect;
            maxMessageBytes = o.maxMessageBytes;
            maxBufferedMessages = o.maxBufferedMessages;
            application = o.application;
            listener = o.listener;
            eventLoopGroup = o.eventLoopGroup;
            webSocketPath = o.webSocketPath;
        }

        /**
         * Connects over WebSocket instead of TCP: {@code ws://host:port} + this path (with
         * {@link #tls} {@code wss://}), subprotocol {@code metarhia-jstp}, one message per text
         * frame, as {@code @metarhia/jstp}'s {@code ws} transport; {@code null} = plain JSTP over
         * TCP (default). Reconnects and session restores use the same transport.
         */
        public Builder webSocket(String path) {
            webSocketPath = path;
            return this;
        }

        /** Server host (default {@code localhost}). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Server port, 0..65535 (default 4000). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS trust, or null for plain TCP (default null). */
        public Builder tls(ClientTlsOptions v) {
            tls = v;
            return this;
        }

        /** Deadline of TCP connect and TLS (default 5 s). */
        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /** Wait for a handshake reply (default 5 s). */
        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        /** Default deadline of calls, inspects and pings (default 30 s; JSTP itself has none). */
        public Builder callTimeout(Duration v) {
            callTimeout = v;
            return this;
        }

        /**
         * Ping interval started after each handshake or restore, positive, or null for none (default
         * null).
         */
        public Builder heartbeatInterval(Duration v) {
            heartbeatInterval = v;
            return this;
        }

        /** Reconnection (default {@link ReconnectOptions#defaults()}). */
        public Builder reconnect(ReconnectOptions v) {
            reconnect = v;
            return this;
        }

        /** Cap on one incoming message, at least 1024 (default 8 MiB). */
        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        /** Cap on unacknowledged originated messages kept for resending (default 10,000). */
        public Builder maxBufferedMessages(int v) {
            maxBufferedMessages = v;
            return this;
        }

        /**
         * Interfaces hosted by the client (default none: every call and inspect from the server is
         * answered {@code [12]}, interface not found).
         */
        public Builder application(LocalApplication v) {
            application = v;
            return this;
        }

        /** Event listener (default no-op). */
        public Builder listener(JstpClientListener v) {
            listener = v;
            return this;
        }

        /** Group to share, or null to own a one-thread group (default null). */
        public Builder eventLoopGroup(EventLoopGroup v) {
            eventLoopGroup = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public JstpClientOptions build() {
            return new JstpClientOptions(this);
        }
    }
}
