package io.tether.core.session.resume;

/**
 * A protocol's serialization of {@link Outbound} messages into the text its transport sends.
 * Supplied by the protocol adapter (the core knows no wire syntax); stateless and thread-safe,
 * one instance shared by all sessions of a listener.
 */
public interface OutboundEncoder {
    /** The smallest id a session can reach (−(2<sup>53</sup> − 1), JavaScript's safe integer range). */
    long MIN_ID = -9007199254740991L;

    /** The text of an originated message with its id. */
    String originated(Outbound.Originated message, long id);

    /**
     * The text of a reply. Implementations answer a reply whose values cannot be encoded with
     * the protocol's internal error rather than throwing.
     */
    String reply(Outbound.Reply message);

    /** Characters of the longest ping text (a session keeps room for one in its buffer). */
    default int longestPingChars() {
        return originated(Outbound.ping(), MIN_ID).length();
    }
}
