package io.tether.api.jstp;

/**
 * Told when a client's handshake created or restored a session of a {@link JstpApplication}
 * (the seed's server-side {@code client} event), with the session's {@link JstpPeer}. Runs on
 * the connection's I/O thread right after the handshake reply: it must not block (start calls
 * and let their futures complete). An exception is logged and the session goes on.
 */
@FunctionalInterface
public interface JstpSessionListener {
    /** The session was created ({@code restored} false) or restored on this node. */
    void onClient(JstpPeer peer, boolean restored);

    /** A listener that does nothing. */
    static JstpSessionListener none() {
        return NoSessionListener.INSTANCE;
    }
}
