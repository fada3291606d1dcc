package io.tether.server.jstp;

import io.tether.codec.mdsf.MdsfLimits;
import io.tether.server.jstp.app.JstpApplication;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.core.limits.Refusals;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.server.jstp.session.SessionLimits;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.jstp.session.SessionQuota;
import io.tether.server.tls.TlsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options of a JSTP listener. Immutable; start from {@link #defaults()} and change with
 * {@link #toBuilder()}.
 *
 * @param name                 listener name (default {@code jstp})
 * @param host                 bind address (default {@code 0.0.0.0})
 * @param port                 port (default 4000; 0 picks a free port)
 * @param tls                  TLS settings (default off)
 * @param maxMessageBytes      cap of one message; a longer unterminated one closes the connection (8 MiB)
 * @param handshakeTimeout     close connections without a successful handshake after this (3 s)
 * @param heartbeatInterval    server ping interval, {@link Duration#ZERO} = off (default off)
 * @param heartbeatMissedLimit close after this many intervals without inbound traffic, 0 = never (3)
 * @param sessionExpiry        how long a session without transport stays restorable (10 min)
 * @param sessionLimits        bounds of each session's resend buffer (1,000 messages, 1 MiB)
 * @param maxPipelined         messages queued behind an unfinished handshake before closing (1024)
 * @param maxInFlightCalls     calls of one connection running at once; at the limit the server
 *                             stops reading from that connection, and holds the messages already
 *                             read, until half of them finished (256)
 * @param methodTimeout        deadline of a call to a JSTP-native method; a late one is answered
 *                             {@code [24, message]} and frees its slot (default 60 s; the actions
 *                             interface keeps each action's own deadline)
 * @param maxOutboundBytes     bytes queued for a client that does not read (replies, events, pings)
 *                             before it is disconnected (default 8 MiB; see
 *                             {@link io.tether.server.flow.OutboundFlow})
 * @param applications         the JSTP-native applications hosted
 * @param builtinApplication   name of the built-in application exposing only actions and chat
 *                             (version 1.0.0; default {@code tether}; empty = none)
 * @param actionsInterface     name of the interface whose methods are the core's actions (default {@code api})
 * @param chatInterface        name of the rooms interface (default {@code chat})
 * @param authenticator        policy for {@code login} and custom strategies (default: accepts nothing)
 * @param listener             traffic observer (default no-op)
 * @param connectionLimits     connections per listener and per address, idle timeout (after the
 *                             handshake; before it {@code handshakeTimeout} applies) and TLS handshake timeout
 * @param maxHandshakeBytes    cap of one message until the handshake succeeded (the handshake request and
 *                             anything pipelined behind it); a longer one closes the connection (16 KiB;
 *                             {@code maxMessageBytes} when that is lower)
 * @param mdsfLimits           parser bounds of one message: nesting depth, elements, number-literal length;
 *                             a message over them closes the connection like a syntax error
 *                             ({@link MdsfLimits#defaults()}: 512, 100,000, 1,000)
 * @param maxDetachedSessions  detached sessions this node keeps; past it the oldest detached
 *                             session of the node is evicted (10,000)
 * @param maxDetachedSessionsPerAddress detached sessions of one remote address; past it that
 *                             address's oldest detached session is evicted (64)
 * @param sessionBufferBudgetBytes all sessions' buffered messages together; a session that
 *                             would buffer past it is dropped (64 MiB)
 * @param login                failed-login limits with backoff and the password-hashing pool
 *                             (default {@link LoginLimits#defaults()})
 */
public record JstpOptions(String name, String host, int port, TlsOptions tls, int maxMessageBytes,
                          Duration handshakeTimeout, Duration heartbeatInterval, int heartbeatMissedLimit,
                          Duration sessionExpiry, SessionLimits sessionLimits, int maxPipelined,
                          int maxInFlightCalls, Duration methodTimeout, long maxOutboundBytes,
                          List<JstpApplication> applications, String builtinApplication, String actionsInterface,
                          String chatInterface, JstpAuthenticator authenticator, JstpListener listener,
                          ConnectionLimits connectionLimits,
                          int maxHandshakeBytes, MdsfLimits mdsfLimits,
                          int maxDetachedSessions, int maxDetachedSessionsPerAddress, long sessionBufferBudgetBytes,
                          LoginLimits login) {

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

    /** Validates the values. */
    public JstpOptions {
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
        requirePositive(methodTimeout, "methodTimeout");
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
        applications = List.copyOf(applications);
    }

    /** The node-wide session bounds of these options, counting refusals in {@code refusals}. */
    public SessionQuota sessionQuota(Refusals refusals) {
        return new SessionQuota(sessionLimits, sessionBufferBudgetBytes, maxDetachedSessions,
                maxDetachedSessionsPerAddress, refusals);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0");
        }
    }

    /** The defaults: port 4000, 8 MiB, 3 s handshake, heartbeat off, 10 min expiry, no applications. */
    public static JstpOptions defaults() {
        return new JstpOptions("jstp", "0.0.0.0", 4000, TlsOptions.disabled(), DEFAULT_MAX_MESSAGE_BYTES,
                Duration.ofSeconds(3), Duration.ZERO, 3, Duration.ofMinutes(10), SessionLimits.defaults(), 1024, 256,
                Duration.ofSeconds(60), DEFAULT_MAX_OUTBOUND_BYTES, List.of(), "tether", "api", "chat", JstpAuthenticator.none(), new JstpListener() { },
                ConnectionLimits.defaults(),
                DEFAULT_MAX_HANDSHAKE_BYTES, MdsfLimits.defaults(),
                SessionQuota.DEFAULT_MAX_DETACHED, SessionQuota.DEFAULT_MAX_DETACHED_PER_ADDRESS,
                SessionQuota.DEFAULT_BUFFER_BUDGET_BYTES, LoginLimits.defaults());
    }

    /** The cap of one message before the handshake succeeded: the handshake cap, never above the message cap. */
    public int effectiveMaxHandshakeBytes() {
        return Math.min(maxHandshakeBytes, maxMessageBytes);
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link JstpOptions}. */
    public static final class Builder {
        private String name;
        private String host;
        private int port;
        private TlsOptions tls;
        private int maxMessageBytes;
        private Duration handshakeTimeout;
        private Duration heartbeatInterval;
        private int heartbeatMissedLimit;
        private Duration sessionExpiry;
        private SessionLimits sessionLimits;
        private int maxPipelined;
        private int maxInFlightCalls;
        private Duration methodTimeout;
        private long maxOutboundBytes;
        private final List<JstpApplication> applications;
        private String builtinApplication;
        private String actionsInterface;
        private String chatInterface;
        private JstpAuthenticator authenticator;
        private JstpListener listener;
        private ConnectionLimits connectionLimits;
        private int maxHandshakeBytes;
        private MdsfLimits mdsfLimits;
        private int maxDetachedSessions;
        private int maxDetachedSessionsPerAddress;
        private long sessionBufferBudgetBytes;
        private LoginLimits login;

        private Builder(JstpOptions o) {
            name = o.name;
            host = o.host;
            port = o.port;
            tls = o.tls;
            maxMessageBytes = o.maxMessageBytes;
            handshakeTimeout = o.handshakeTimeout;
            heartbeatInterval = o.heartbeatInterval;
            heartbeatMissedLimit = o.heartbeatMissedLimit;
            sessionExpiry = o.sessionExpiry;
            sessionLimits = o.sessionLimits;
            maxPipelined = o.maxPipelined;
            maxInFlightCalls = o.maxInFlightCalls;
            methodTimeout = o.methodTimeout;
            maxOutboundBytes = o.maxOutboundBytes;
            applications = new ArrayList<>(o.applications);
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

        /** Message cap in bytes. */
        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        /** Handshake timeout. */
        public Builder handshakeTimeout(Duration v) {
            handshakeTimeout = v;
            return this;
        }

        /** Server ping interval ({@link Duration#ZERO} = off). */
        public Builder heartbeatInterval(Duration v) {
            heartbeatInterval = v;
            return this;
        }

        /** Intervals without inbound traffic before closing (0 = never). */
        public Builder heartbeatMissedLimit(int v) {
            heartbeatMissedLimit = v;
            return this;
        }

        /** Session retention without transport. */
        public Builder sessionExpiry(Duration v) {
            sessionExpiry = v;
            return this;
        }

        /** Session buffer bounds. */
        public Builder sessionLimits(SessionLimits v) {
            sessionLimits = v;
            return this;
        }

        /** Messages queued behind a pending handshake. */
        public Builder maxPipelined(int v) {
            maxPipelined = v;
            return this;
        }

        /** Calls of one connection running at once before reading pauses. */
        public Builder maxInFlightCalls(int v) {
            maxInFlightCalls = v;
            return this;
        }

        /** Deadline of a JSTP-native method call (actions keep their own deadlines). */
        public Builder methodTimeout(Duration v) {
            methodTimeout = v;
            return this;
        }

        /** Bytes queued for a client that does not read before it is disconnected. */
        public Builder maxOutboundBytes(long v) {
            maxOutboundBytes = v;
            return this;
        }

        /** Adds hosted applications. */
        public Builder application(JstpApplication... apps) {
            applications.addAll(List.of(apps));
            return this;
        }

        /** Name of the built-in actions-and-chat application ("" = none). */
        public Builder builtinApplication(String v) {
            builtinApplication = v;
            return this;
        }

        /** Name of the actions interface. */
        public Builder actionsInterface(String v) {
            actionsInterface = v;
            return this;
        }

        /** Name of the chat interface. */
        public Builder chatInterface(String v) {
            chatInterface = v;
            return this;
        }

        /** Authentication policy. */
        public Builder authenticator(JstpAuthenticator v) {
            authenticator = v;
            return this;
        }

        /** Traffic listener. */
        public Builder listener(JstpListener v) {
            listener = v;
            return this;
        }

        /** Connections per listener and per address, idle and TLS handshake timeouts. */
        public Builder connectionLimits(ConnectionLimits v) {
            connectionLimits = v;
            return this;
        }

        /** Cap in bytes of one message until the handshake succeeded. */
        public Builder maxHandshakeBytes(int v) {
            maxHandshakeBytes = v;
            return this;
        }

        /** Parser bounds of one message (depth, elements, number-literal length). */
        public Builder mdsfLimits(MdsfLimits v) {
            mdsfLimits = v;
            return this;
        }

        /** Detached sessions this node keeps (oldest evicted past it). */
        public Builder maxDetachedSessions(int v) {
            maxDetachedSessions = v;
            return this;
        }

        /** Detached sessions of one remote address (its oldest evicted past it). */
        public Builder maxDetachedSessionsPerAddress(int v) {
            maxDetachedSessionsPerAddress = v;
            return this;
        }

        /** Node-wide budget of buffered session messages, in bytes. */
        public Builder sessionBufferBudgetBytes(long v) {
            sessionBufferBudgetBytes = v;
            return this;
        }

        /** Failed-login limits and the password-hashing pool. */
        public Builder login(LoginLimits v) {
            login = v;
            return this;
        }

        /** Builds the options. */
        public JstpOptions build() {
            return new JstpOptions(name, host, port, tls, maxMessageBytes, handshakeTimeout, heartbeatInterval,
                    heartbeatMissedLimit, sessionExpiry, sessionLimits, maxPipelined, maxInFlightCalls, methodTimeout,
                    maxOutboundBytes, applications, builtinApplication, actionsInterface, chatInterface, authenticator, listener,
                    connectionLimits,
                    maxHandshakeBytes, mdsfLimits,
                    maxDetachedSessions, maxDetachedSessionsPerAddress, sessionBufferBudgetBytes,
                    login);
        }
    }
}
