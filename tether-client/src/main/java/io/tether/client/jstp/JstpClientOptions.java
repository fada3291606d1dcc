package io.tether.client.jstp;

import io.netty.channel.EventLoopGroup;
import io.tether.client.ClientTlsOptions;
import io.tether.client.ReconnectOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link JstpClient}: immutable, with {@link #builder()}, {@link #defaults()}
 * and {@link #toBuilder()}.
 *
 * @param host              server host (default {@code localhost})
 * @param port              server port (default 4000)
 * @param tls               TLS trust, or null for plain TCP
 * @param connectTimeout    TCP + TLS connect (default 5 s)
 * @param handshakeTimeout  wait for a handshake reply (default 5 s)
 * @param callTimeout       default deadline of calls, inspects and pings (default 30 s; JSTP has none, we add one)
 * @param heartbeatInterval ping interval started after each handshake/restore, or null for none
 * @param reconnect         reconnection (default exponential 1 s → 32 s, 0–1 s jitter, unlimited — spec §12.1)
 * @param maxMessageBytes   cap on one incoming message (default 8 MiB)
 * @param maxBufferedMessages cap on unacknowledged originated messages kept for resending
 *                          (default 10,000); beyond it new calls and events fail at once
 * @param application       interfaces hosted by the client (default none → {@code [12]})
 * @param listener          event listener (default no-op)
 * @param eventLoopGroup    group to share, or null to own a one-thread group
 */
public record JstpClientOptions(String host, int port, ClientTlsOptions tls, Duration connectTimeout,
                                Duration handshakeTimeout, Duration callTimeout, Duration heartbeatInterval,
                                ReconnectOptions reconnect, int maxMessageBytes, int maxBufferedMessages,
                                LocalApplication application,
                                JstpClientListener listener, EventLoopGroup eventLoopGroup) {

    private static final JstpClientOptions DEFAULTS = builder().build();

    public JstpClientOptions {
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

    public static JstpClientOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.tls = tls;
        b.connectTimeout = connectTimeout;
        b.handshakeTimeout = handshakeTimeout;
        b.callTimeout = callTimeout;
        b.heartbeatInterval = heartbeatInterval;
        b.reconnect = reconnect;
        b.maxMessageBytes = maxMessageBytes;
        b.maxBufferedMessages = maxBufferedMessages;
        b.application = application;
        b.listener = listener;
        b.eventLoopGroup = eventLoopGroup;
        return b;
    }

    /** Builder of {@link JstpClientOptions}. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 4000;
        private ClientTlsOptions tls;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration handshakeTimeout = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration heartbeatInterval;
        private ReconnectOptions reconnect = ReconnectOptions.defaults();
        private int maxMessageBytes = 8 * 1024 * 1024;
        private int maxBufferedMessages = 10_000;
        private LocalApplication application = LocalApplication.none();
        private JstpClientListener listener = new JstpClientListener() { };
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

        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        public Builder callTimeout(Duration v) {
            callTimeout = v;
            return this;
        }

        public Builder heartbeatInterval(Duration v) {
            heartbeatInterval = v;
            return this;
        }

        public Builder reconnect(ReconnectOptions v) {
            reconnect = v;
            return this;
        }

        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        public Builder maxBufferedMessages(int v) {
            maxBufferedMessages = v;
            return this;
        }

        public Builder application(LocalApplication v) {
            application = v;
            return this;
        }

        public Builder listener(JstpClientListener v) {
            listener = v;
            return this;
        }

        public Builder eventLoopGroup(EventLoopGroup v) {
            eventLoopGroup = v;
            return this;
        }

        public JstpClientOptions build() {
            return new JstpClientOptions(host, port, tls, connectTimeout, handshakeTimeout, callTimeout,
                    heartbeatInterval, reconnect, maxMessageBytes, maxBufferedMessages, application, listener,
                    eventLoopGroup);
        }
    }
}
