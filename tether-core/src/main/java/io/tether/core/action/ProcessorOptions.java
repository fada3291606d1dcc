package io.tether.core.action;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the action processor. Immutable; {@code ProcessorOptions.defaults().toBuilder()}.
 *
 * @param simultaneousActions max concurrently pending actions per connection (default 5)
 * @param defaultTimeout      deadline of an action that declares none (default 30 s)
 */
public record ProcessorOptions(int simultaneousActions, Duration defaultTimeout) {

    /** Validates the values. */
    public ProcessorOptions {
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
        return new ProcessorOptions(5, Duration.ofSeconds(30));
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builder for {@link ProcessorOptions}. */
    public static final class Builder {
        private int simultaneousActions;
        private Duration defaultTimeout;

        private Builder(ProcessorOptions from) {
            this.simultaneousActions = from.simultaneousActions;
            this.defaultTimeout = from.defaultTimeout;
        }

        /** Sets the per-connection pending-action limit. */
        public Builder simultaneousActions(int n) {
            this.simultaneousActions = n;
            return this;
        }

        /** Sets the default action deadline. */
        public Builder defaultTimeout(Duration d) {
            this.defaultTimeout = d;
            return this;
        }

        /** Builds the options. */
        public ProcessorOptions build() {
            return new ProcessorOptions(simultaneousActions, defaultTimeout);
        }
    }
}
