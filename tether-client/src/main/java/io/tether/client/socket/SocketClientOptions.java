package io.tether.client.socket;

import io.netty.channel.EventLoopGroup;
import io.tether.client.Backoff;
import io.tether.client.ClientTlsOptions;
import io.tether.client.ReconnectOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link SocketClient}: small and immutable, with {@link #builder()},
 * {@link #defaults()} and {@link #toBuilder()}.
 */
public final class SocketClientOptions {
    /** Default reconnection: exponential 0.5 s to 10 s, 0 to 0.5 s jitter, 10 attempts. */
    public static final ReconnectOptions DEFAULT_RECONNECT = ReconnectOptions.of(
            Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMillis(500)), 10);
    /** Default cap of one reply line: 8 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
    private static final SocketClientListener NO_LISTENER = new SocketClientListener() { };

    private static final SocketClientOptions DEFAULTS = new Builder().build();

    private final String host;
    private final int port;
    private final ClientTlsOptions tls;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final ReconnectOptions reconnect;
    private final DisconnectedPolicy whileDisconnected;
    private final int maxLineBytes;
    private final SocketClientListener listener;
    private final EventLoopGroup eventLoopGroup;

    private SocketClientOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.reconnect = b.reconnect;
        this.whileDisconnected = b.whileDisconnected;
        this.maxLineBytes = b.maxLineBytes;
        this.listener = b.listener;
        this.eventLoopGroup = b.eventLoopGroup;
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(whileDisconnected, "whileDisconnected");
        Objects.requireNonNull(listener, "listener");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || maxLineBytes < 1024) {
            throw new IllegalArgumentException("requestTimeout must be > 0 and maxLineBytes >= 1024");
        }
    }

    /** localhost:5000, plain TCP, the defaults of each option. */
    public static SocketClientOptions defaults() {
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

    /** Server port, 0..65535 (default 5000). */
    public int port() {
        return port;
    }

    /** TLS trust, or null for plain TCP (default null). */
    public ClientTlsOptions tls() {
        return tls;
    }

    /** Deadline of TCP connect, TLS, welcome line and details together (default 5 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Default deadline of each call, positive (default 5 s, as actionhero-node-client). */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Automatic reconnection (default exponential 0.5 s to 10 s, jitter 0.5 s, 10 attempts). */
    public ReconnectOptions reconnect() {
        return reconnect;
    }

    /** What calls made while disconnected do (default {@link DisconnectedPolicy#WAIT_FOR_RECONNECT}). */
    public DisconnectedPolicy whileDisconnected() {
        return whileDisconnected;
    }

    /** Cap on one reply line and on a file served by {@code file}, at least 1024 (default 8 MiB). */
    public int maxLineBytes() {
        return maxLineBytes;
    }

    /** Event listener (default no-op). */
    public SocketClientListener listener() {
        return listener;
    }

    /** A group to share, or null to own a one-thread group (default null). */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SocketClientOptions x
                && Objects.equals(host, x.host)
                && port == x.port
                && Objects.equals(tls, x.tls)
                && Objects.equals(connectTimeout, x.connectTimeout)
                && Objects.equals(requestTimeout, x.requestTimeout)
                && Objects.equals(reconnect, x.reconnect)
                && Objects.equals(whileDisconnected, x.whileDisconnected)
                && maxLineBytes == x.maxLineBytes
                && Objects.equals(listener, x.listener)
                && Objects.equals(eventLoopGroup, x.eventLoopGroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, tls, connectTimeout, requestTimeout, reconnect, whileDisconnected,
                maxLineBytes, listener, eventLoopGroup);
    }

    @Override
    public String toString() {
        return "SocketClientOptions["
                + "host=" + host
                + ", port=" + port
                + ", tls=" + tls
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout
                + ", reconnect=" + reconnect
                + ", whileDisconnected=" + whileDisconnected
                + ", maxLineBytes=" + maxLineBytes
                + ", listener=" + listener
                + ", eventLoopGroup=" + eventLoopGroup + "]";
    }

    /** Builder of {@link SocketClientOptions}; every value starts at its default. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 5000;
        private ClientTlsOptions tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private ReconnectOptions reconnect = DEFAULT_RECONNECT;
        private DisconnectedPolicy whileDisconnected = DisconnectedPolicy.WAIT_FOR_RECONNECT;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private SocketClientListener listener = NO_LISTENER;
        private EventLoopGroup eventLoopGroup;

        private Builder() {
        }

        private Builder(SocketClientOptions o) {
            host = o.host;
            port = o.port;
            tls = o.tls;
            connectTimeout = o.connectTimeout;
            requestTimeout = o.requestTimeout;
            reconnect = o.reconnect;
            whileDisconnected = o.whileDisconnected;
            maxLineBytes = o.maxLineBytes;
            listener = o.listener;
            eventLoopGroup = o.eventLoopGroup;
        }

        /** Server host (default {@code localhost}). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Server port, 0..65535 (default 5000). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS trust, or null for plain TCP (default null). */
        public Builder tls(ClientTlsOptions v) {
            tls = v;
            return this;
        }

        /** Deadline of TCP connect, TLS, welcome line and details together (default 5 s). */
        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        /** Default deadline of each call, positive (default 5 s, as actionhero-node-client). */
        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        /** Automatic reconnection (default exponential 0.5 s to 10 s, jitter 0.5 s, 10 attempts). */
        public Builder reconnect(ReconnectOptions v) {
            reconnect = v;
            return this;
        }

        /** What calls made while disconnected do (default {@link DisconnectedPolicy#WAIT_FOR_RECONNECT}). */
        public Builder whileDisconnected(DisconnectedPolicy v) {
            whileDisconnected = v;
            return this;
        }

        /** Cap on one reply line and on a file served by {@code file}, at least 1024 (default 8 MiB). */
        public Builder maxLineBytes(int v) {
            maxLineBytes = v;
            return this;
        }

        /** Event listener (default no-op). */
        public Builder listener(SocketClientListener v) {
            listener = v;
            return this;
        }

        /** A group to share, or null to own a one-thread group (default null). */
        public Builder eventLoopGroup(EventLoopGroup v) {
            eventLoopGroup = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public SocketClientOptions build() {
            return new SocketClientOptions(this);
        }
    }
}
