package io.tether.core.action;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the action processor. Immutable; start from {@link #defaults()} or {@link #builder()}
 * and change with {@link #toBuilder()}:
 *
 * <pre>{@code
 * ProcessorOptions options = ProcessorOptions.defaults().toBuilder().simultaneousActions(64).build();
 * }</pre>
 */
public final class ProcessorOptions {
    /** Default pending actions per connection: 5. */
    public static final int DEFAULT_SIMULTANEOUS_ACTIONS = 5;
    /** Default deadline of an action that declares none: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final ProcessorOptions DEFAULTS = new Builder().build();

    private final int simultaneousActions;
    private final Duration defaultTimeout;
    private final boolean requireAuthentication;

    private ProcessorOptions(Builder b) {
        this.simultaneousActions = b.simultaneousActions;
        this.defaultTimeout = b.defaultTimeout;
        this.requireAuthentication = b.requireAuthentication;
        if (simultaneousActions < 1) {
            throw new IllegalArgumentException("simultaneousActions must be >= 1");
        }
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive");
        }
    }

    /** The defaults: 5 simultaneous actions, 30 s timeout. */
    public static ProcessorOptions defaults() {
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

    /** Actions of one connection pending at once, at least 1 (default 5). */
    public int simultaneousActions() {
        return simultaneousActions;
    }

    /** Deadline of an action that declares none, positive (default 30 s). */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Whether actions of {@link io.tether.api.Access#DEFAULT default} access and JSTP-native
     * methods need an authenticated session (default false). Actions declared
     * {@code anonymous()} (e.g. {@code login}) stay open; others are refused with
     * {@code NOT_AUTHENTICATED} ("authentication required").
     */
    public boolean requireAuthentication() {
        return requireAuthentication;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessorOptions x
                && requireAuthentication == x.requireAuthentication
                && simultaneousActions == x.simultaneousActions
                && Objects.equals(defaultTimeout, x.defaultTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(simultaneousActions, defaultTimeout, requireAuthentication);
    }

    @Override
    public String toString() {
        return "ProcessorOptions["
                + "simultaneousActions=" + simultaneousActions
                + ", defaultTimeout=" + defaultTimeout
                + ", requireAuthentication=" + requireAuthentication + "]";
    }

    /** Builder of {@link ProcessorOptions}; every value starts at its default. */
    public static final class Builder {
        private int simultaneousActions = DEFAULT_SIMULTANEOUS_ACTIONS;
        private Duration defaultTimeout = DEFAULT_TIMEOUT;
        private boolean requireAuthentication;

        private Builder() {
        }

        private Builder(ProcessorOptions o) {
            simultaneousActions = o.simultaneousActions;
            defaultTimeout = o.defaultTimeout;
            requireAuthentication = o.requireAuthentication;
        }

        /** Whether default-access actions and JSTP-native methods need a principal (default false). */
        public Builder requireAuthentication(boolean v) {
            requireAuthentication = v;
            return this;
        }

        /** Actions of one connection pending at once, at least 1 (default 5). */
        public Builder simultaneousActions(int v) {
            simultaneousActions = v;
            return this;
        }

        /** Deadline of an action that declares none, positive (default 30 s). */
        public Builder defaultTimeout(Duration v) {
            defaultTimeout = v;
            return this;
        }

        /** Validates and builds; an invalid value fails with IllegalArgumentException or NullPointerException. */
        public ProcessorOptions build() {
            return new ProcessorOptions(this);
        }
    }
}
