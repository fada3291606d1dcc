package io.tether.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named, versioned handler with declared inputs. Immutable; define one in a few lines:
 *
 * <pre>{@code
 * Action echo = Action.named("echo")
 *         .description("Returns its input")
 *         .input(Input.named("text").required())
 *         .handler(ctx -> Map.of("text", ctx.params().string("text")))
 *         .build();
 * }</pre>
 *
 * <p>Most handlers may block (they run on a virtual thread with a deadline). A handler that
 * only computes — no I/O, no sleeps, no waiting on locks or futures, no blocking room or cache
 * calls in cluster mode — can be declared {@link Builder#nonBlocking() non-blocking}: it then
 * runs directly on the connection's I/O thread, which saves a thread hand-off and a timer per
 * call and answers in the same write as the request's neighbours. Blocking there stalls every
 * connection served by that I/O thread, so only declare it for handlers that cannot block.
 *
 * @param name        unique name (per version)
 * @param version     version number, 1 by default
 * @param description documentation text
 * @param inputs      declared inputs in declaration order (also JSTP positional order)
 * @param timeout     deadline for one run, or null to use the server default
 * @param handler     the body
 * @param nonBlocking true when the handler (and the middleware) never block: it runs on the
 *                    calling I/O thread, without a virtual thread; its timeout is not enforced
 *                    (a run cannot be interrupted there) but an overrun is logged
 * @param access      who may run it: {@link Access#DEFAULT} (the server-wide setting),
 *                    {@link Access#AUTHENTICATED} or {@link Access#ANONYMOUS}
 */
public record Action(String name, int version, String description, List<Input> inputs,
                     Duration timeout, ActionHandler handler, boolean nonBlocking, Access access) {

    /** Validates and freezes the definition. */
    public Action {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (name.isBlank() || name.contains(" ")) {
            throw new IllegalArgumentException("action name must be non-empty without spaces: '" + name + "'");
        }
        description = description == null ? "" : description;
        access = access == null ? Access.DEFAULT : access;
        inputs = List.copyOf(inputs);
        Map<String, Input> seen = new LinkedHashMap<>();
        for (Input in : inputs) {
            if (seen.put(in.name(), in) != null) {
                throw new IllegalArgumentException("duplicate input '" + in.name() + "' in action " + name);
            }
        }
    }

    /** An action with the server-wide {@link Access#DEFAULT default} access. */
    public Action(String name, int version, String description, List<Input> inputs, Duration timeout,
                  ActionHandler handler, boolean nonBlocking) {
        this(name, version, description, inputs, timeout, handler, nonBlocking, Access.DEFAULT);
    }

    /** A blocking action (the usual kind). */
    public Action(String name, int version, String description, List<Input> inputs, Duration timeout,
                  ActionHandler handler) {
        this(name, version, description, inputs, timeout, handler, false, Access.DEFAULT);
    }

    /** Starts a builder for an action with this name. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Fluent builder for {@link Action}. */
    public static final class Builder {
        private final String name;
        private int version = 1;
        private String description = "";
        private final List<Input> inputs = new ArrayList<>();
        private Duration timeout;
        private ActionHandler handler;
        private boolean nonBlocking;
        private Access access = Access.DEFAULT;

        private Builder(String name) {
            this.name = name;
        }

        /** Sets the version (default 1). */
        public Builder version(int v) {
            this.version = v;
            return this;
        }

        /** Sets the description. */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Adds declared inputs, in order. */
        public Builder input(Input... declared) {
            Collections.addAll(inputs, declared);
            return this;
        }

        /** Sets a per-action timeout overriding the server default. */
        public Builder timeout(Duration d) {
            this.timeout = d;
            return this;
        }

        /** Sets the handler. */
        public Builder handler(ActionHandler h) {
            this.handler = h;
            return this;
        }

        /**
         * Declares that the handler never blocks, so it runs on the calling I/O thread
         * without a virtual thread (see {@link Action}).
         */
        public Builder nonBlocking() {
            this.nonBlocking = true;
            return this;
        }

        /**
         * Declares that only an authenticated session (one with a {@link Principal}) may run
         * the action; others get {@link ErrorCode#NOT_AUTHENTICATED} (see {@link Access}).
         */
        public Builder authenticated() {
            this.access = Access.AUTHENTICATED;
            return this;
        }

        /**
         * Declares that anyone may run the action even when the server requires authentication
         * by default (a {@code login} action, a health check); see {@link Access}.
         */
        public Builder anonymous() {
            this.access = Access.ANONYMOUS;
            return this;
        }

        /** Builds the immutable action. */
        public Action build() {
            return new Action(name, version, description, inputs, timeout, handler, nonBlocking, access);
        }
    }
}
