package io.tether.core.session.resume;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link ResumableSession} is asked to send, in protocol-neutral form: the session's
 * {@link OutboundEncoder} turns it into wire text with the session's own ids. A session that was
 * handed off to another node forwards it as it is ({@link SessionForwarder}), and the owning node
 * encodes it with its ids, so no serialized text ever crosses nodes for a late message. Values
 * (arguments, results, error details) are plain data: strings, numbers, booleans, null, lists and
 * string-keyed maps of those; others may not survive a trip between nodes.
 */
public sealed interface Outbound {

    /** A message the server originates: it takes the session's next id and is resent until acknowledged. */
    sealed interface Originated extends Outbound {
    }

    /** An answer to a message the client originated: sent now, or held while the session is detached. */
    sealed interface Reply extends Outbound {
        /** The id of the client's message it answers. */
        long to();
    }

    /** An event {@code name} of interface {@code iface} with its arguments. */
    static Event event(String iface, String name, List<?> args) {
        return new Event(iface, name, args);
    }

    /** A ping asking the client for an acknowledgement (a heartbeat). */
    static Ping ping() {
        return Ping.INSTANCE;
    }

    /**
     * An event. One instance may go to many sessions (a room message to every member): the
     * protocol then encodes everything but the id once, see {@link #encodedOnce}.
     */
    final class Event implements Originated {
        private final String iface;
        private final String name;
        private final List<?> args;
        private volatile String encoded; // the protocol's id-less form, made once (a benign race)

        /** An event; {@code args} is kept as given (not copied). */
        public Event(String iface, String name, List<?> args) {
            this.iface = Objects.requireNonNull(iface, "iface");
            this.name = Objects.requireNonNull(name, "name");
            this.args = Objects.requireNonNull(args, "args");
        }

        /** The interface. */
        public String iface() {
            return iface;
        }

        /** The event name. */
        public String name() {
            return name;
        }

        /** The arguments. */
        public List<?> args() {
            return args;
        }

        /**
         * The protocol's encoding of everything but the id, made by {@code encoder} on first use
         * and shared by every session this event goes to. One protocol per event instance.
         */
        public String encodedOnce(Function<Event, String> encoder) {
            String e = encoded;
            if (e == null) {
                e = encoder.apply(this);
                encoded = e;
            }
            return e;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Event e && iface.equals(e.iface) && name.equals(e.name) && args.equals(e.args);
        }

        @Override
        public int hashCode() {
            return Objects.hash(iface, name, args);
        }

        @Override
        public String toString() {
            return "Event[" + iface + "." + name + "]";
        }
    }

    /**
     * A call of the client's method {@code method} of interface {@code iface} (the server calls
     * its client). Never forwarded to another node: a session that moved fails its calls.
     *
     * @param iface  the client's interface
     * @param method the method
     * @param args   the arguments (plain values), kept as given
     */
    record Call(String iface, String method, List<?> args) implements Originated {
        /** Requires every part. */
        public Call {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(args, "args");
        }
    }

    /**
     * An inspection of the client's interface {@code iface}. Never forwarded to another node.
     *
     * @param iface the client's interface
     */
    record Inspect(String iface) implements Originated {
        /** Requires the interface. */
        public Inspect {
            Objects.requireNonNull(iface, "iface");
        }
    }

    /** A ping (heartbeat, or a solicitation of an acknowledgement). */
    enum Ping implements Originated {
        /** The only ping. */
        INSTANCE
    }

    /**
     * A successful answer to call {@code to}.
     *
     * @param to      the client's call id
     * @param results the results (plain values)
     */
    record Result(long to, List<?> results) implements Reply {
        /** Null results become none. */
        public Result {
            results = results == null ? List.of() : results;
        }
    }

    /**
     * A failed answer to call {@code to}.
     *
     * @param to    the client's call id
     * @param error the error as the protocol sends it: the numeric code first, then, if any,
     *              the message and further details (plain values)
     */
    record Failure(long to, List<?> error) implements Reply {
        /** Requires the error. */
        public Failure {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The answer to the client's ping {@code to}.
     *
     * @param to the client's ping id
     */
    record Pong(long to) implements Reply {
    }
}
