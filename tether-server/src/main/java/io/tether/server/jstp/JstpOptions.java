package io.tether.server.jstp;

import io.tether.server.jstp.app.JstpApplication;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.server.jstp.session.SessionLimits;
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
 * @param sessionLimits        bounds of each session's resend buffer
 * @param maxPipelined         messages queued behind an unfinished handshake before closing (1024)
 * @param maxInFlightCalls     calls of one connection running at once; at the limit the server
 *                             stops reading from that connection until half of them finished (256)
 * @param methodTimeout        deadline of a call to a JSTP-native method; a late one is answered
 *                             {@code [24, message]} and frees its slot (default 60 s; the actions
 *                             interface keeps each action's own deadline)
 * @param applications         the JSTP-native applications hosted
 * @param builtinApplication   name of the built-in application exposing only actions and chat
 *                             (version 1.0.0; default {@code tether}; empty = none)
 * @param actionsInterface     name of the interface whose methods are the core's actions (default {@code api})
 * @param chatInterface        name of the rooms interface (default {@code chat})
 * @param authenticator        policy for {@code login} and custom strategies (default: accepts nothing)
 * @param listener             traffic observer (default no-op)
 * @param login                failed-login limits with backoff and the password-hashing pool
 *                             (default {@link LoginLimits#defaults()})
 */
public record JstpOptions(String name, String host, int port, TlsOptions tls, int maxMessageBytes,
                          Duration handshakeTimeout, Duration heartbeatInterval, int heartbeatMissedLimit,
                          Duration sessionExpiry, SessionLimits sessionLimits, int maxPipelined,
                          int maxInFlightCalls, Duration methodTimeout,
                          List<JstpApplication> applications, String builtinApplication, String actionsInterface,
                          String chatInterface, JstpAuthenticator authenticator, JstpListener listener,
                          LoginLimits login) {

    /** Default message cap: 8 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /** Validates the values. */
    public JstpOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(sessionLimits, "sessionLimits");
        Objects.requireNonNull(builtinApplication, "builtinApplication");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(listener, "listener");
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
        if (actionsInterface == null || actionsInterface.isEmpty() || chatInterface == null
                || chatInterface.isEmpty()) {
            throw new IllegalArgumentException("interface names must not be empty");
        }
        applications = List.copyOf(applications);
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
                Duration.ofSeconds(60), List.of(), "tether", "api", "chat", JstpAuthenticator.none(), new JstpListener() { },
                LoginLimits.defaults());
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
        private final List<JstpApplication> applications;
        private String builtinApplication;
        private String actionsInterface;
        private String chatInterface;
        private JstpAuthenticator authenticator;
        private JstpListener listener;
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
            applications = new ArrayList<>(o.applications);
            builtinApplication = o.builtinApplication;
            actionsInterface = o.actionsInterface;
            chatInterface = o.chatInterface;
            authenticator = o.authenticator;
            listener = o.listener;
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

        /** Failed-login limits and the password-hashing pool. */
        public Builder login(LoginLimits v) {
            login = v;
            return this;
        }

        /** Builds the options. */
        public JstpOptions build() {
            return new JstpOptions(name, host, port, tls, maxMessageBytes, handshakeTimeout, heartbeatInterval,
                    heartbeatMissedLimit, sessionExpiry, sessionLimits, maxPipelined, maxInFlightCalls, methodTimeout,
                    applications, builtinApplication, actionsInterface, chatInterface, authenticator, listener,
                    login);
        }
    }
}
