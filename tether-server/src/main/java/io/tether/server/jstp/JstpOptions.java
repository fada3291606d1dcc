package io.tether.server.jstp;

import io.tether.codec.mdsf.MdsfLimits;
import io.tether.core.limits.Refusals;
import io.tether.api.jstp.JstpApplication;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionQuota;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.tls.TlsOptions;
import io.tether.core.limits.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of a JSTP listener. Immutable; start from {@link #defaults()} or {@link #builder()} and
 * change with {@link #toBuilder()}:
 *
 * <pre>{@code
 * JstpOptions options = JstpOptions.defaults().toBuilder()
 *         .port(0).heartbeatInterval(Duration.ofSeconds(5)).application(myApp).build();
 * }</pre>
 */
public final class JstpOptions {
    /** Default message cap: 8 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /**
     * Default pre-handshake message cap: 16 KiB. A handshake is an application name and a
     * version (each at most 256 characters) plus credentials; 16 KiB leaves room for a bearer
     * token of several KiB in a custom strategy, and is 512 times less than an anonymous
     * peer could make the server buffer and parse under the message cap.
     */
    public static final int DEFAULT_MAX_HANDSHAKE_BYTES = 16 * 1024;
    /** Default outbound cap per connection: 8 MiB. */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 8L * 1024 * 1024;
    private static final JstpListener NO_LISTENER = new JstpListener() { };

    private static final JstpOptions DEFAULTS = new Builder().build();

    private final String name;
    private final String host;
    private final int port;
    private final TlsOptions tls;
    private final int maxMessageBytes;
    private final Duration handshakeTimeout;
    private final Duration heartbeatInterval;
    private final int heartbeatMissedLimit;
    private final Duration peerCallTimeout;
    private final Duration sessionExpiry;
    private final SessionLimits sessionLimits;
    private final int maxPipelined;
    private final int maxInFlightCalls;
    private final long maxOutboundBytes;
    private final List<JstpApplication> applications;
    private final String builtinApplication;
    private final String actionsInterface;
    private final String chatInterface;
    private final JstpAuthenticator authenticator;
    private final JstpListener listener;
    private final ConnectionLimits connectionLimits;
    private final int maxHandshakeBytes;
    private final MdsfLimits mdsfLimits;
    private final int maxDetachedSessions;
    private final int maxDetachedSessionsPerAddress;
    private final long sessionBufferBudgetBytes;
    private final LoginLimits login;
    private final RateLimit handshakeRate;

    private JstpOptions(Builder b) {
        this.name = b.name;
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.maxMessageBytes = b.maxMessageBytes;
        this.handshakeTimeout = b.handshakeTimeout;
        this.heartbeatInterval = b.heartbeatInterval;
        this.heartbeatMissedLimit = b.heartbeatMissedLimit;
        this.peerCallTimeout = b.peerCallTimeout;
        this.sessionExpiry = b.sessionExpiry;
        this.sessionLimits = b.sessionLimits;
        this.maxPipelined = b.maxPipelined;
        this.maxInFlightCalls = b.maxInFlightCalls;
        this.maxOutboundBytes = b.maxOutboundBytes;
        this.applications = List.copyOf(b.applications);
        this.builtinApplication = b.builtinApplication;
        this.actionsInterface = b.actionsInterface;
        this.chatInterface = b.chatInterface;
        this.authenticator = b.authenticator;
        this.listener = b.listener;
        this.connectionLimits = b.connectionLimits;
        this.maxHandshakeBytes = b.maxHandshakeBytes;
        this.mdsfLimits = b.mdsfLimits;
        this.maxDetachedSessions = b.maxDetachedSessions;
        this.maxDetachedSessionsPerAddress = b.maxDetachedSessionsPerAddress;
        this.sessionBufferBudgetBytes = b.sessionBufferBudgetBytes;
        this.login = b.login;
        this.handshakeRate = b.handshakeRate;
        Objects.requireNonNull(handshakeRate, "handshakeRate");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(sessionLimits, "sessionLimits");
        Objects.requireNonNull(builtinApplication, "builtinApplication");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        Objects.requireNonNull(mdsfLimits, "mdsfLimits");
        if (maxHandshakeBytes < 64) {
            throw new IllegalArgumentException("maxHandshakeBytes must be >= 64");
        }
        Objects.requireNonNull(login, "login");
        requirePositive(handshakeTimeout, "handshakeTimeout");
        requirePositive(sessionExpiry, "sessionExpiry");
        if (peerCallTimeout == null || peerCallTimeout.isNegative() || peerCallTimeout.isZero()) {
            throw new IllegalArgumentException("peerCallTimeout must be > 0");
        }
        if (heartbeatInterval == null || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must be >= 0");
        }
        if (port < 0 || port > 65535 || maxMessageBytes < 64 || maxPipelined < 1 || maxInFlightCalls < 1
                || heartbeatMissedLimit < 0) {
            throw new IllegalArgumentException("invalid port, maxMessageBytes, maxPipelined or heartbeatMissedLimit");
        }
        if (maxOutboundBytes <= 0) {
            throw new IllegalArgumentException("maxOutboundBytes must be > 0");
        }
        if (actionsInterface == null || actionsInterface.isEmpty() || chatInterface == null
                || chatInterface.isEmpty()) {
            throw new IllegalArgumentException("interface names must not be empty");
        }
        if (maxDetachedSessions < 1 || maxDetachedSessionsPerAddress < 1 || sessionBufferBudgetBytes < 1) {
            throw new IllegalArgumentException("session caps and the session buffer budget must be positive");
        }
    }

    /** The defaults: port 4000, 8 MiB, 3 s handshake, heartbeat off, 10 min expiry, no applications. */
    public static JstpOptions defaults() {
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

    /** The node-wide session bounds of these options, counting refusals in {@code refusals}. */
    public SessionQuota sessionQuota(Refusals refusals) {
        return new SessionQuota(sessionLimits, sessionBufferBudgetBytes, maxDetachedSessions,
                maxDetachedSessionsPerAddress, refusals);
    }

    /** The cap of one message before the handshake succeeded: the handshake cap, never above the message cap. */
    public int effectiveMaxHandshakeBytes() {
        return Math.min(maxHandshakeBytes, maxMessageBytes);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
    }

    /** Listener name (default {@code jstp}). */
    public String name() {
        return name;
    }

    /** Bind address (default {@code 0.0.0.0}). */
    public String host() {
        return host;
    }

    /** Port, 0..65535 (default 4000; 0 picks a free port). */
    public int port() {
        return port;
    }

    /** TLS settings (default off). */
    public TlsOptions tls() {
        return tls;
    }

    /** Cap of one message, at least 64; a longer unterminated one closes the connection (default 8 MiB). */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Connections without a successful handshake are closed after this (default 3 s). */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** Server ping interval, {@link Duration#ZERO} = off (default off). */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /** Close after this many intervals without inbound traffic, 0 = never (default 3). */
    public int heartbeatMissedLimit() {
        return heartbeatMissedLimit;
    }

    /** Default deadline of a call the server makes to its client ({@code JstpPeer.callMethod}; default 30 s). */
    public Duration peerCallTimeout() {
        return peerCallTimeout;
    }

    /** How long a session without transport stays restorable (default 10 min). */
    public Duration sessionExpiry() {
        return sessionExpiry;
    }

    /** Bounds of each session's resend buffer (default 1,000 messages, 1 MiB). */
    public SessionLimits sessionLimits() {
        return sessionLimits;
    }

    /** Messages queued behind an unfinished handshake before the connection is closed (default 1024). */
    public int maxPipelined() {
        return maxPipelined;
    }

    /**
     * Calls of one connection running at once; at the limit the server stops reading from that connection,
     * and holds the messages already read, until half of them finished (default 256).
     */
    public int maxInFlightCalls() {
        return maxInFlightCalls;
    }

    /**
     * Bytes queued for a client that does not read (replies, events, pings) before it is disconnected
     * (default 8 MiB; see {@link io.tether.server.flow.OutboundFlow}).
     */
    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    /** The JSTP-native applications hosted, unmodifiable (default none). */
    public List<JstpApplication> applications() {
        return applications;
    }

    /**
     * Name of the built-in application exposing only actions and chat (version 1.0.0; default {@code
     * tether}; empty = none).
     */
    public String builtinApplication() {
        return builtinApplication;
    }

    /** Name of the interface whose methods are the core's actions, not empty (default {@code api}). */
    public String actionsInterface() {
        return actionsInterface;
    }

    /** Name of the rooms interface, not empty (default {@code chat}). */
    public String chatInterface() {
        return chatInterface;
    }

    /**
     * Policy for {@code login} and custom strategies (default {@link JstpAuthenticator#none()}: accepts
     * nothing).
     */
    public JstpAuthenticator authenticator() {
        return authenticator;
    }

    /** Traffic observer (default no-op). */
    public JstpListener listener() {
        return listener;
    }

    /**
     * Connections per listener and per address, idle timeout (after the handshake; before it {@code
     * handshakeTimeout} applies) and TLS handshake timeout (default {@link ConnectionLimits#defaults()}).
     */
    public ConnectionLimits connectionLimits() {
        return connectionLimits;
    }

    /**
     * Cap of one message until the handshake succeeded (the handshake request and anything pipelined
     * behind it), at least 64; a longer one closes the connection (default 16 KiB; {@code maxMessageBytes}
     * when that is lower, see {@link #effectiveMaxHandshakeBytes()}).
     */
    public int maxHandshakeBytes() {
        return maxHandshakeBytes;
    }

    /**
     * Parser bounds of one message: nesting depth, elements, number-literal length; a message over them
     * closes the connection like a syntax error (default {@link MdsfLimits#defaults()}: 512, 100,000,
     * 1,000).
     */
    public MdsfLimits mdsfLimits() {
        return mdsfLimits;
    }

    /**
     * Detached sessions this node keeps; past it the oldest detached session of the node is evicted
     * (default 10,000).
     */
    public int maxDetachedSessions() {
        return maxDetachedSessions;
    }

    /**
     * Detached sessions of one remote address; past it that address's oldest detached session is evicted
     * (default 64).
     */
    public int maxDetachedSessionsPerAddress() {
        return maxDetachedSessionsPerAddress;
    }

    /**
     * All sessions' buffered messages together, in bytes; a session that would buffer past it is dropped
     * (default 64 MiB).
     */
    public long sessionBufferBudgetBytes() {
        return sessionBufferBudgetBytes;
    }

    /**
     * Failed-login limits with backoff and the password-hashing pool (default {@link
     * LoginLimits#defaults()}).
     */
    public LoginLimits login() {
        return login;
    }

    /**
     * Handshakes (new sessions, logins, restores) per second of one remote address, a token
     * bucket shared by all its connections; one over it is answered {@code [32]} and the
     * connection closed (refusal {@code rate_limited_handshake}). Default {@link RateLimit#OFF}.
     */
    public RateLimit handshakeRate() {
        return handshakeRate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JstpOptions x
                && Objects.equals(name, x.name)
                && Objects.equals(host, x.host)
                && port == x.port
                && Objects.equals(tls, x.tls)
                && maxMessageBytes == x.maxMessageBytes
                && Objects.equals(handshakeTimeout, x.handshakeTimeout)
                && Objects.equals(heartbeatInterval, x.heartbeatInterval)
                && heartbeatMissedLimit == x.heartbeatMissedLimit
                && Objects.equals(peerCallTimeout, x.peerCallTimeout)
                && Objects.equals(sessionExpiry, x.sessionExpiry)
                && Objects.equals(sessionLimits, x.sessionLimits)
                && maxPipelined == x.maxPipelined
                && maxInFlightCalls == x.maxInFlightCalls
                && maxOutboundBytes == x.maxOutboundBytes
                && Objects.equals(applications, x.applications)
                && Objects.equals(builtinApplication, x.builtinApplication)
                && Objects.equals(actionsInterface, x.actionsInterface)
                && Objects.equals(chatInterface, x.chatInterface)
                && Objects.equals(authenticator, x.authenticator)
                && Objects.equals(listener, x.listener)
                && Objects.equals(connectionLimits, x.connectionLimits)
                && maxHandshakeBytes == x.maxHandshakeBytes
                && Objects.equals(mdsfLimits, x.mdsfLimits)
                && maxDetachedSessions == x.maxDetachedSessions
                && maxDetachedSessionsPerAddress == x.maxDetachedSessionsPerAddress
                && sessionBufferBudgetBytes == x.sessionBufferBudgetBytes
                && Objects.equals(login, x.login)
                && Objects.equals(handshakeRate, x.handshakeRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, host, port, tls, maxMessageBytes, handshakeTimeout, heartbeatInterval,
                heartbeatMissedLimit, peerCallTimeout, sessionExpiry, sessionLimits, maxPipelined, maxInFlightCalls,
                maxOutboundBytes, applications, builtinApplication, actionsInterface,
                chatInterface, authenticator, listener, connectionLimits, maxHandshakeBytes, mdsfLimits,
                maxDetachedSessions, maxDetachedSessionsPerAddress, sessionBufferBudgetBytes, login, handshakeRate);
    }

    @Override
    public String toString() {
        return "JstpOptions["
                + "name=" + name
                + ", host=" + host
                + ", port=" + port
                + ", tls=" + tls
                + ", maxMessageBytes=" + maxMessageBytes
                + ", handshakeTimeout=" + handshakeTimeout
                + ", heartbeatInterval=" + heartbeatInterval
                + ", heartbeatMissedLimit=" + heartbeatMissedLimit
                + ", peerCallTimeout=" + peerCallTimeout
                + ", sessionExpiry=" + sessionExpiry
                + ", sessionLimits=" + sessionLimits
                + ", maxPipelined=" + maxPipelined
                + ", maxInFlightCalls=" + maxInFlightCalls
                + ", maxOutboundBytes=" + maxOutboundBytes
                + ", applications=" + applications
                + ", builtinApplication=" + builtinApplication
                + ", actionsInterface=" + actionsInterface
                + ", chatInterface=" + chatInterface
                + ", authenticator=" + authenticator
                + ", listener=" + listener
                + ", connectionLimits=" + connectionLimits
                + ", maxHandshakeBytes=" + maxHandshakeBytes
                + ", mdsfLimits=" + mdsfLimits
                + ", maxDetachedSessions=" + maxDetachedSessions
                + ", maxDetachedSessionsPerAddress=" + maxDetachedSessionsPerAddress
                + ", sessionBufferBudgetBytes=" + sessionBufferBudgetBytes
                + ", login=" + login
                + ", handshakeRate=" + handshakeRate + "]";
    }

    /** Builder of {@link JstpOptions}; every value starts at its default. */
    public static final class Builder {
        private String name = "jstp";
        private String host = "0.0.0.0";
        private int port = 4000;
        private TlsOptions tls = TlsOptions.disabled();
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration handshakeTimeout = Duration.ofSeconds(3);
        private Duration heartbeatInterval = Duration.ZERO;
        private int heartbeatMissedLimit = 3;
        private Duration peerCallTimeout = Duration.ofSeconds(30);
        private Duration sessionExpiry = Duration.ofMinutes(10);
        private SessionLimits sessionLimits = SessionLimits.defaults();
        private int maxPipelined = 1024;
        private int maxInFlightCalls = 256;
        private long maxOutboundBytes = DEFAULT_MAX_OUTBOUND_BYTES;
        private final List<JstpApplication> applications = new ArrayList<>();
        private String builtinApplication = "tether";
        private String actionsInterface = "api";
        private String chatInterface = "chat";
        private JstpAuthenticator authenticator = JstpAuthenticator.none();
        private JstpListener listener = NO_LISTENER;
        private ConnectionLimits connectionLimits = ConnectionLimits.defaults();
        private int maxHandshakeBytes = DEFAULT_MAX_HANDSHAKE_BYTES;
        private MdsfLimits mdsfLimits = MdsfLimits.defaults();
        private int maxDetachedSessions = SessionQuota.DEFAULT_MAX_DETACHED;
        private int maxDetachedSessionsPerAddress = SessionQuota.DEFAULT_MAX_DETACHED_PER_ADDRESS;
        private long sessionBufferBudgetBytes = SessionQuota.DEFAULT_BUFFER_BUDGET_BYTES;
        private LoginLimits login = LoginLimits.defaults();
        private RateLimit handshakeRate = RateLimit.OFF;

        private Builder() {
        }

        private Builder(JstpOptions o) {
            name = o.name;
            host = o.host;
            port = o.port;
            tls = o.tls;
            maxMessageBytes = o.maxMessageBytes;
            handshakeTimeout = o.handshakeTimeout;
            heartbeatInterval = o.heartbeatInterval;
            heartbeatMissedLimit = o.heartbeatMissedLimit;
            peerCallTimeout = o.peerCallTimeout;
            sessionExpiry = o.sessionExpiry;
            sessionLimits = o.sessionLimits;
            maxPipelined = o.maxPipelined;
            maxInFlightCalls = o.maxInFlightCalls;
            maxOutboundBytes = o.maxOutboundBytes;
            applications.addAll(o.applications);
            builtinApplication = o.builtinApplication;
            actionsInterface = o.actionsInterface;
            chatInterface = o.chatInterface;
            authenticator = o.authenticator;
            listener = o.listener;
            connectionLimits = o.connectionLimits;
            maxHandshakeBytes = o.maxHandshakeBytes;
            mdsfLimits = o.mdsfLimits;
            maxDetachedSessions = o.maxDetachedSessions;
            maxDetachedSessionsPerAddress = o.maxDetachedSessionsPerAddress;
            sessionBufferBudgetBytes = o.sessionBufferBudgetBytes;
            login = o.login;
            handshakeRate = o.handshakeRate;
        }

        /** Listener name (default {@code jstp}). */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Bind address (default {@code 0.0.0.0}). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Port, 0..65535 (default 4000; 0 picks a free port). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** TLS settings (default off). */
        public Builder tls(TlsOptions v) {
            tls = v;
            return this;
        }

        /** Message cap in bytes (default 8 MiB). */
        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        /** Connections without a successful handshake are closed after this (default 3 s). */
        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        /** Server ping interval, {@link Duration#ZERO} = off (default off). */
        public Builder heartbeatInterval(Duration v) {
            heartbeatInterval = v;
            return this;
        }

        /** Close after this many intervals without inbound traffic, 0 = never (default 3). */
        public Builder heartbeatMissedLimit(int v) {
            heartbeatMissedLimit = v;
            return this;
        }

        /** Default deadline of a call the server makes to its client (default 30 s). */
        public Builder peerCallTimeout(Duration v) {
            peerCallTimeout = v;
            return this;
        }

        /** How long a session without transport stays restorable (default 10 min). */
        public Builder sessionExpiry(Duration v) {
            sessionExpiry = v;
            return this;
        }

        /** Bounds of each session's resend buffer (default 1,000 messages, 1 MiB). */
        public Builder sessionLimits(SessionLimits v) {
            sessionLimits = v;
            return this;
        }

        /** Messages queued behind an unfinished handshake before the connection is closed (default 1024). */
        public Builder maxPipelined(int v) {
            maxPipelined = v;
            return this;
        }

        /** Calls of one connection running at once before reading pauses (default 256). */
        public Builder maxInFlightCalls(int v) {
            maxInFlightCalls = v;
            return this;
        }


        /** Bytes queued for a client that does not read before it is disconnected (default 8 MiB). */
        public Builder maxOutboundBytes(long v) {
            maxOutboundBytes = v;
            return this;
        }

        /** Adds hosted applications (default none). */
        public Builder application(JstpApplication... v) {
            applications.addAll(List.of(v));
            return this;
        }

        /**
         * Name of the built-in application exposing only actions and chat (version 1.0.0; default {@code
         * tether}; empty = none).
         */
        public Builder builtinApplication(String v) {
            builtinApplication = v;
            return this;
        }

        /** Name of the interface whose methods are the core's actions, not empty (default {@code api}). */
        public Builder actionsInterface(String v) {
            actionsInterface = v;
            return this;
        }

        /** Name of the rooms interface, not empty (default {@code chat}). */
        public Builder chatInterface(String v) {
            chatInterface = v;
            return this;
        }

        /**
         * Policy for {@code login} and custom strategies (default {@link JstpAuthenticator#none()}:
         * accepts nothing).
         */
        public Builder authenticator(JstpAuthenticator v) {
            authenticator = v;
            return this;
        }

        /** Traffic observer (default no-op). */
        public Builder listener(JstpListener v) {
            listener = v;
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

        /** Cap in bytes of one message until the handshake succeeded (default 16 KiB). */
        public Builder maxHandshakeBytes(int v) {
            maxHandshakeBytes = v;
            return this;
        }

        /** Parser bounds of one message (default {@link MdsfLimits#defaults()}). */
        public Builder mdsfLimits(MdsfLimits v) {
            mdsfLimits = v;
            return this;
        }

        /**
         * Detached sessions this node keeps; past it the oldest detached session of the node is evicted
         * (default 10,000).
         */
        public Builder maxDetachedSessions(int v) {
            maxDetachedSessions = v;
            return this;
        }

        /**
         * Detached sessions of one remote address; past it that address's oldest detached session is
         * evicted (default 64).
         */
        public Builder maxDetachedSessionsPerAddress(int v) {
            maxDetachedSessionsPerAddress = v;
            return this;
        }

        /**
         * All sessions' buffered messages together, in bytes; a session that would buffer past it is
         * dropped (default 64 MiB).
         */
        public Builder sessionBufferBudgetBytes(long v) {
            sessionBufferBudgetBytes = v;
            return this;
        }

        /**
         * Failed-login limits with backoff and the password-hashing pool (default {@link
         * LoginLimits#defaults()}).
         */
        public Builder login(LoginLimits v) {
            login = v;
            return this;
        }

        /** Handshakes per second of one remote address (default {@link RateLimit#OFF}). */
        public Builder handshakeRate(RateLimit v) {
            handshakeRate = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public JstpOptions build() {
            return new JstpOptions(this);
        }
    }
}
