package io.tether.server.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection bounds of one listener (socket or JSTP): how many connections it holds at once,
 * in all and per remote address, how long a connection may stay silent, and how long a TLS
 * handshake may take. Immutable; start from {@link #defaults()} and change with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * ConnectionLimits limits = ConnectionLimits.defaults().toBuilder()
 *         .maxConnectionsPerAddress(20_000).idleTimeout(Duration.ZERO).build();
 * }</pre>
 */
public final class ConnectionLimits {
    /** Default connections per listener: 10,000. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Default connections per remote address: 256. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 256;
    /** Default idle timeout: 10 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** Default TLS handshake timeout: 10 seconds. */
    public static final Duration DEFAULT_TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private static final ConnectionLimits DEFAULTS = new Builder().build();

    private final int maxConnections;
    private final int maxConnectionsPerAddress;
    private final Duration idleTimeout;
    private final Duration tlsHandshakeTimeout;

    private ConnectionLimits(Builder b) {
        if (b.maxConnections < 0 || b.maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("connection limits must be >= 0 (0 = no limit)");
        }
        if (b.idleTimeout == null || b.idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must be >= 0 (0 = off)");
        }
        Objects.requireNonNull(b.tlsHandshakeTimeout, "tlsHandshakeTimeout");
        if (b.tlsHandshakeTimeout.isNegative() || b.tlsHandshakeTimeout.isZero()) {
            throw new IllegalArgumentException("tlsHandshakeTimeout must be > 0");
        }
        this.maxConnections = b.maxConnections;
        this.maxConnectionsPerAddress = b.maxConnectionsPerAddress;
        this.idleTimeout = b.idleTimeout;
        this.tlsHandshakeTimeout = b.tlsHandshakeTimeout;
    }

    /** 10,000 per listener, 256 per address, 10 min idle timeout, 10 s TLS handshake. */
    public static ConnectionLimits defaults() {
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

    /** Connections the listener holds at once; the next is closed at accept. 0 = no limit. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Connections one remote address holds at once on the listener. 0 = no limit. */
    public int maxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    /**
     * A connection with no traffic either way (nothing read, nothing written) for this long is
     * closed. {@link Duration#ZERO} = off.
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A TLS handshake not finished after this closes the connection (TLS listeners only). */
    public Duration tlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionLimits l && maxConnections == l.maxConnections
                && maxConnectionsPerAddress == l.maxConnectionsPerAddress && idleTimeout.equals(l.idleTimeout)
                && tlsHandshakeTimeout.equals(l.tlsHandshakeTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxConnections, maxConnectionsPerAddress, idleTimeout, tlsHandshakeTimeout);
    }

    @Override
    public String toString() {
        return "ConnectionLimits[maxConnections=" + maxConnections + ", maxConnectionsPerAddress="
                + maxConnectionsPerAddress + ", idleTimeout=" + idleTimeout + ", tlsHandshakeTimeout="
                + tlsHandshakeTimeout + "]";
    }

    /** Builder for {@link ConnectionLimits}. */
    public static final class Builder {
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration tlsHandshakeTimeout = DEFAULT_TLS_HANDSHAKE_TIMEOUT;

        private Builder() {
        }

        private Builder(ConnectionLimits l) {
            maxConnections = l.maxConnections;
            maxConnectionsPerAddress = l.maxConnectionsPerAddress;
            idleTimeout = l.idleTimeout;
            tlsHandshakeTimeout = l.tlsHandshakeTimeout;
        }

        /** Connections per listener (0 = no limit). */
        public Builder maxConnections(int v) {
            maxConnections = v;
            return this;
        }

        /** Connections per remote address (0 = no limit). */
        public Builder maxConnectionsPerAddress(int v) {
            maxConnectionsPerAddress = v;
            return this;
        }

        /** Idle timeout ({@link Duration#ZERO} = off). */
        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        /** TLS handshake timeout (&gt; 0). */
        public Builder tlsHandshakeTimeout(Duration v) {
            tlsHandshakeTimeout = v;
            return this;
        }

        /** Builds the limits. */
        public ConnectionLimits build() {
            return new ConnectionLimits(this);
        }
    }
}
