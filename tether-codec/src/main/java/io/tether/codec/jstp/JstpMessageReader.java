package io.tether.codec.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a parsed mdsf object into a {@link JstpMessage}, validating the header (an invalid one
 * closes the connection): the first key is the kind, its value an array starting with an integer
 * id, followed by a string interface where the kind needs one. Structurally invalid headers throw
 * {@link TetherException} with {@link ErrorCode#PROTOCOL_ERROR}.
 */
final class JstpMessageReader {
    private static final double MAX_SAFE = 9007199254740992.0;

    private JstpMessageReader() {
    }

    static JstpMessage fromMap(Map<String, Object> map) {
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        if (!it.hasNext()) {
            return new JstpMessage.Heartbeat();
        }
        Map.Entry<String, Object> head = it.next();
        String kind = head.getKey();
        Map.Entry<String, Object> verb = it.hasNext() ? it.next() : null;
        return switch (kind) {
            case "handshake" -> handshake(header(kind, head.getValue()), verb);
            case "call" -> {
                List<?> h = header(kind, head.getValue());
                yield new JstpMessage.Call(id(h), iface(kind, h), key(verb), value(verb));
            }
            case "callback" -> new JstpMessage.Callback(id(header(kind, head.getValue())),
                    verbList(verb, "ok"), verbList(verb, "error"));
            case "event" -> {
                List<?> h = header(kind, head.getValue());
                yield new JstpMessage.Event(id(h), iface(kind, h), key(verb), value(verb));
            }
            case "inspect" -> {
                List<?> h = header(kind, head.getValue());
                yield new JstpMessage.Inspect(id(h), iface(kind, h));
            }
            case "ping" -> new JstpMessage.Ping(id(header(kind, head.getValue())));
            case "pong" -> new JstpMessage.Pong(id(header(kind, head.getValue())));
            default -> new JstpMessage.Unknown(kind);
        };
    }

    private static JstpMessage handshake(List<?> header, Map.Entry<String, Object> verb) {
        long id = id(header);
        if (header.size() < 2) {
            return new JstpMessage.HandshakeReply(verb != null && verb.getKey().equals("ok") ? verb.getValue() : null,
                    verbList(verb, "error"));
        }
        if (!(header.get(1) instanceof String app)) {
            throw invalid("handshake application name must be a string");
        }
        String version = null;
        if (header.size() > 2 && header.get(2) != null) {
            if (!(header.get(2) instanceof String v)) {
                throw invalid("handshake version must be a string");
            }
            version = v;
        }
        return new JstpMessage.HandshakeRequest(id, app, version, key(verb), value(verb));
    }

    private static List<?> header(String kind, Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw invalid(kind + " header must be a non-empty array");
        }
        return list;
    }

    private static long id(List<?> header) {
        if (header.get(0) instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE) {
                return n.longValue();
            }
        }
        throw invalid("message id must be an integer");
    }

    private static String iface(String kind, List<?> header) {
        if (header.size() < 2 || !(header.get(1) instanceof String s)) {
            throw invalid(kind + " header needs an interface name string");
        }
        return s;
    }

    private static String key(Map.Entry<String, Object> verb) {
        return verb == null ? null : verb.getKey();
    }

    private static Object value(Map.Entry<String, Object> verb) {
        return verb == null ? null : verb.getValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> verbList(Map.Entry<String, Object> verb, String name) {
        if (verb == null || !verb.getKey().equals(name)) {
            return null;
        }
        if (!(verb.getValue() instanceof List<?> list)) {
            throw invalid("'" + name + "' must be an array");
        }
        return (List<Object>) list;
    }

    private static TetherException invalid(String reason) {
        return new MalformedInput("invalid JSTP message: " + reason);
    }
}
