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
 *
 * @param host               server host (default {@code localhost})
 * @param port               server port (default 5000)
 * @param tls                TLS trust, or null for plain TCP
 * @param connectTimeout     TCP + TLS + welcome + details (default 5 s)
 * @param requestTimeout     default deadline of each call (default 5 s, as actionhero-node-client)
 * @param reconnect          automatic reconnection (default: exponential 0.5 s → 10 s, jitter 0.5 s, 10 attempts)
 * @param whileDisconnected  what calls made while disconnected do (default {@link DisconnectedPolicy#WAIT_FOR_RECONNECT})
 * @param maxLineBytes       cap on one reply line and on a file served by {@code file} (default 8 MiB)
 * @param listener           event listener (default no-op)
 * @param eventLoopGroup     a group to share, or null to own a one-thread group
 */
public record SocketClientOptions(String host, int port, ClientTlsOptions tls, Duration connectTimeout,
                                  Duration requestTimeout, ReconnectOptions reconnect,
                                  DisconnectedPolicy whileDisconnected, int maxLineBytes,
                                  SocketClientListener listener, EventLoopGroup eventLoopGroup) {

    private static final SocketClientOptions DEFAULTS = builder().build();

    public SocketClientOptions {
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

    /** localhost:5000, plain TCP, the defaults above. */
    public static SocketClientOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.tls = tls;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.reconnect = reconnect;
        b.whileDisconnected = whileDisconnected;
        b.maxLineBytes = maxLineBytes;
        b.listener = listener;
        b.eventLoopGroup = eventLoopGroup;
        return b;
    }

    /** Builder of {@link SocketClientOptions}. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 5000;
        private ClientTlsOptions tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private ReconnectOptions reconnect = ReconnectOptions.of(
                Backoff.exponential(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMillis(500)), 10);
        private DisconnectedPolicy whileDisconnected = DisconnectedPolicy.WAIT_FOR_RECONNECT;
        private int maxLineBytes = 8 * 1024 * 1024;
        private SocketClientListener listener = new SocketClientListener() { };
        private EventLoopGroup eventLoopGroup;

        private Builder() {
        }

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder tls(ClientTlsOptions v) {
            tls = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        public Builder reconnect(ReconnectOptions v) {
            reconnect = v;
            return this;
        }

        public Builder whileDisconnected(DisconnectedPolicy v) {
            whileDisconnected = v;
            return this;
        }

        public Builder maxLineBytes(int v) {
            maxLineBytes = v;
            return this;
        }

        public Builder listener(SocketClientListener v) {
            listener = v;
            return this;
        }

        public Builder eventLoopGroup(EventLoopGroup v) {
            eventLoopGroup = v;
            return this;
        }

        public SocketClientOptions build() {
            return new SocketClientOptions(host, port, tls, connectTimeout, requestTimeout, reconnect,
                    whileDisconnected, maxLineBytes, listener, eventLoopGroup);
        }
    }
}
