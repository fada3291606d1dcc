package io.tether.server.jstp.wire;

import io.tether.codec.mdsf.MdsfWriter;
import java.util.List;

/**
 * Canonical mdsf text of the messages the server sends: the kind first, the
 * verb second, no whitespace. Stateless and thread-safe.
 */
public final class JstpText {
    private static final MdsfWriter WRITER = MdsfWriter.defaults();

    private JstpText() {
    }

    /** {@code {handshake:[0],ok:'<sessionId>'}}. */
    public static String handshakeOk(String sessionId) {
        return "{handshake:[0],ok:" + WRITER.write(sessionId) + "}";
    }

    /** {@code {handshake:[0],ok:<receivedCount>}}. */
    public static String handshakeRestored(long receivedCount) {
        return "{handshake:[0],ok:" + receivedCount + "}";
    }

    /** {@code {handshake:[0],error:[code]}}. */
    public static String handshakeError(int code) {
        return "{handshake:[0],error:[" + code + "]}";
    }

    /** {@code {callback:[id],ok:[results…]}}. */
    public static String callbackOk(long id, List<?> results) {
        return callback(id, ",ok:", results);
    }

    /** {@code {callback:[id],error:[…]}} with an error array built by {@link JstpErrors}. */
    public static String callbackError(long id, List<?> error) {
        return callback(id, ",error:", error);
    }

    /** One builder for the whole message: a reply is the most frequent text the server makes. */
    private static String callback(long id, String verb, List<?> values) {
        StringBuilder sb = new StringBuilder(64).append("{callback:[").append(id).append(']').append(verb);
        WRITER.writeValue(sb, values);
        return sb.append('}').toString();
    }

    /** {@code {event:[id,'iface'],name:[args…]}}. */
    public static String event(long id, String iface, String name, List<?> args) {
        return event(id, eventTail(iface, name, args));
    }

    /**
     * Everything of an event after its id, {@code ,'iface'],name:[args…]}}: serialized once,
     * it serves many events that differ only in the id (one room message to every member).
     */
    public static String eventTail(String iface, String name, List<?> args) {
        return "," + WRITER.write(iface) + "]," + key(name) + ":" + WRITER.write(args) + "}";
    }

    /** <code>{event:[id</code> followed by a tail made by {@link #eventTail}. */
    public static String event(long id, String tail) {
        return "{event:[" + id + tail;
    }

    /** {@code {call:[id,'iface'],method:[args…]}}. */
    public static String call(long id, String iface, String method, List<?> args) {
        return "{call:[" + id + "," + WRITER.write(iface) + "]," + key(method) + ":" + WRITER.write(args) + "}";
    }

    /** {@code {inspect:[id,'iface']}}. */
    public static String inspect(long id, String iface) {
        return "{inspect:[" + id + "," + WRITER.write(iface) + "]}";
    }

    /** {@code {ping:[id]}}. */
    public static String ping(long id) {
        return "{ping:[" + id + "]}";
    }

    /** {@code {pong:[id]}}. */
    public static String pong(long id) {
        return "{pong:[" + id + "]}";
    }

    private static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 2);
        WRITER.writeKey(sb, name);
        return sb.toString();
    }
}
