package io.tether.codec.socket;

import java.util.List;
import java.util.Map;

/**
 * One classified, non-empty request line of the socket protocol. Handlers
 * {@code switch} over it exhaustively.
 */
public sealed interface SocketRequest {

    /**
     * A verb with the words that followed it (single-space split, empty words kept).
     *
     * @param verb the verb
     * @param args the remaining words
     */
    record Verb(SocketVerb verb, List<String> args) implements SocketRequest {
        /** Freezes the arguments. */
        public Verb {
            args = List.copyOf(args);
        }

        /** The argument at {@code index}, or null when there is none. */
        public String arg(int index) {
            return index < args.size() ? args.get(index) : null;
        }
    }

    /**
     * The {@code file} verb.
     *
     * @param path the first argument, or null when the line had none
     */
    record FileRequest(String path) implements SocketRequest {
    }

    /**
     * A line that parsed as JSON ({@code {"action":…,"params":{…}}}, both optional). Values are
     * plain Java: String, Integer/Long/BigInteger for JSON integers, Double for JSON floats,
     * Boolean, List, Map, null.
     *
     * @param hasAction whether the JSON was an object with an {@code action} member
     * @param action    the {@code action} member's value (may be null or of any JSON type)
     * @param hasParams whether the JSON was an object with a {@code params} member
     * @param params    the members of {@code params} when it is an object, else empty
     */
    record JsonRequest(boolean hasAction, Object action, boolean hasParams, Map<String, Object> params)
            implements SocketRequest {
        /** Freezes the params (insertion order kept, null values allowed). */
        public JsonRequest {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }

    /**
     * An inline action call: the first word names the action, the other words are ignored.
     *
     * @param name the first word (may be empty)
     */
    record InlineAction(String name) implements SocketRequest {
    }

    /**
     * A line longer than {@code maxDataLength}; it is not interpreted.
     *
     * @param lengthBytes its length in UTF-8 bytes
     */
    record TooLong(int lengthBytes) implements SocketRequest {
    }
}
