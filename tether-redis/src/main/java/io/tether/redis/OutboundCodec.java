package io.tether.redis;

import io.tether.core.session.resume.Outbound;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forwarded {@link Outbound} message as the fields of a session-channel message: {@code op}
 * {@code event} (with {@code iface}, {@code name}, {@code args}), {@code ping}, {@code result}
 * ({@code to}, {@code results}), {@code failure} ({@code to}, {@code error}) or {@code pong}
 * ({@code to}). Values are copied as plain JSON values ({@link PlainValues}); the owning node
 * encodes the message with its own ids. Stateless.
 */
final class OutboundCodec {
    private OutboundCodec() {
    }

    /** The message's fields, {@code op} first. */
    static Map<String, Object> fields(Outbound m) {
        Map<String, Object> f = new LinkedHashMap<>();
        switch (m) {
            case Outbound.Event e -> {
                f.put("op", "event");
                f.put("iface", e.iface());
                f.put("name", e.name());
                f.put("args", PlainValues.copy(e.args()));
            }
            case Outbound.Ping p -> f.put("op", "ping");
            case Outbound.Call c -> throw new IllegalArgumentException("a server call is never forwarded");
            case Outbound.Inspect i -> throw new IllegalArgumentException("a server inspect is never forwarded");
            case Outbound.Result r -> {
                f.put("op", "result");
                f.put("to", r.to());
                f.put("results", PlainValues.copy(r.results()));
            }
            case Outbound.Failure x -> {
                f.put("op", "failure");
                f.put("to", x.to());
                f.put("error", PlainValues.copy(x.error()));
            }
            case Outbound.Pong p -> {
                f.put("op", "pong");
                f.put("to", p.to());
            }
        }
        return f;
    }

    /** Whether a channel message with this op carries an {@link Outbound} message. */
    static boolean carries(Object op) {
        return "event".equals(op) || "ping".equals(op) || "result".equals(op) || "failure".equals(op)
                || "pong".equals(op);
    }

    /** The message from its fields; IllegalArgumentException if they are not one. */
    static Outbound from(Map<String, Object> f) {
        Object op = f.get("op");
        if (op == null) {
            throw new IllegalArgumentException("no op");
        }
        return switch (op.toString()) {
            case "event" -> Outbound.event(text(f, "iface"), text(f, "name"), list(f, "args"));
            case "ping" -> Outbound.ping();
            case "result" -> new Outbound.Result(number(f, "to"), list(f, "results"));
            case "failure" -> new Outbound.Failure(number(f, "to"), list(f, "error"));
            case "pong" -> new Outbound.Pong(number(f, "to"));
            default -> throw new IllegalArgumentException("not a session message: " + op);
        };
    }

    private static String text(Map<String, Object> f, String key) {
        if (f.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("missing " + key);
    }

    private static List<?> list(Map<String, Object> f, String key) {
        if (f.get(key) instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("missing " + key);
    }

    private static long number(Map<String, Object> f, String key) {
        if (f.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("missing " + key);
    }
}
