package io.tether.app.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the admin HTTP listener ({@code /health}, {@code /metrics}) binds. Immutable; start from
 * {@link #defaults()} or {@link #builder()} and change with {@link #toBuilder()}.
 */
public final class AdminOptions {
    /** Default bind address: 127.0.0.1, not exposed beyond the machine. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default port: 0, any free port. */
    public static final int DEFAULT_PORT = 0;
    /** Default request timeout: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final AdminOptions DEFAULTS = new Builder().build();

    private final String host;
    private final int port;
    private final Duration requestTimeout;

    private AdminOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.requestTimeout = b.requestTimeout;
        Objects.requireNonNull(host, "host");
        if (requestTimeout == null || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("tether.admin.request-timeout must be 0 (off) or more");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("tether.admin.port must be -1 (off) or 0..65535, was " + port);
        }
    }

    /** 127.0.0.1, any free port, 30 s request timeout. */
    public static AdminOptions defaults() {
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

    /** Bind address (default {@value #DEFAULT_HOST}: not exposed beyond the machine). */
    public String host() {
        return host;
    }

    /** Port, 0..65535; 0 picks a free port (default {@value #DEFAULT_PORT}). */
    public int port() {
        return port;
    }

    /**
     * A connection (one request each) is closed this long after it was accepted, answered or not; {@link
     * Duration#ZERO} = off (default 30 s).
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminOptions x
                && Objects.equals(host, x.host)
                && port == x.port
                && Objects.equals(requestTimeout, x.requestTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, requestTimeout);
    }

    @Override
    public String toString() {
        return "AdminOptions["
                + "host=" + host
                + ", port=" + port
                + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builder of {@link AdminOptions}; every value starts at its default. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {
        }

        private Builder(AdminOptions o) {
            host = o.host;
            port = o.port;
            requestTimeout = o.requestTimeout;
        }

        /** Bind address (default {@value #DEFAULT_HOST}: not exposed beyond the machine). */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** Port, 0..65535; 0 picks a free port (default {@value #DEFAULT_PORT}). */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** Request timeout, {@link Duration#ZERO} = off (default 30 s). */
        public Builder requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public AdminOptions build() {
            return new AdminOptions(this);
        }
    }
}
