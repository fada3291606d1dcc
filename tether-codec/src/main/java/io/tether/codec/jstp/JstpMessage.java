package io.tether.codec.jstp;

import java.util.List;

/**
 * One JSTP message. Handlers switch over the records exhaustively.
 * Payloads are kept as parsed mdsf values (see {@link io.tether.codec.mdsf.MdsfReader}),
 * so a non-array argument list reaches the handler unchanged and can be answered with
 * {@code [17]} or ignored (an event with a non-array payload is ignored).
 */
public sealed interface JstpMessage {

    /**
     * {@code {handshake:[id,app,version?],strategy:credentials}} from a client.
     *
     * @param version requested version or range, {@code null} when absent
     * @param strategy authentication strategy (the verb key), {@code null} = anonymous
     * @param credentials the strategy's payload as parsed, {@code null} when absent
     */
    record HandshakeRequest(long id, String app, String version, String strategy, Object credentials)
            implements JstpMessage {
    }

    /**
     * {@code {handshake:[0],ok:…}} or {@code {handshake:[0],error:[code,…]}}.
     *
     * @param ok session id ({@code String}) or received count ({@code Number}); {@code null} if absent
     * @param error error array, {@code null} if absent
     */
    record HandshakeReply(Object ok, List<Object> error) implements JstpMessage {
    }

    /**
     * {@code {call:[id,iface],method:args}}.
     *
     * @param method the verb key, {@code null} when the message has no second key
     * @param args the verb value as parsed (normally a {@code List}), {@code null} when absent
     */
    record Call(long id, String iface, String method, Object args) implements JstpMessage {
    }

    /**
     * {@code {callback:[id],ok:[…]}} or {@code {callback:[id],error:[code,…]}}; both
     * {@code null} when the message carries neither.
     */
    record Callback(long id, List<Object> ok, List<Object> error) implements JstpMessage {
    }

    /**
     * {@code {event:[id,iface],event:args}}.
     *
     * @param event the verb key, {@code null} when absent
     * @param args the payload as parsed (an event whose payload is not a list is ignored)
     */
    record Event(long id, String iface, String event, Object args) implements JstpMessage {
    }

    /** {@code {inspect:[id,iface]}}. */
    record Inspect(long id, String iface) implements JstpMessage {
    }

    /** {@code {ping:[id]}}. */
    record Ping(long id) implements JstpMessage {
    }

    /** {@code {pong:[id]}}. */
    record Pong(long id) implements JstpMessage {
    }

    /** The legacy heartbeat {@code {}}: ignored by receivers. */
    record Heartbeat() implements JstpMessage {
    }

    /** A message of a kind that JSTP 2.x does not implement ({@code state}, …): ignored. */
    record Unknown(String kind) implements JstpMessage {
    }
}
