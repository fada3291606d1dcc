package io.tether.core.session.resume;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A JSTP-like text encoder for unit tests (plain values only), and the protocol made with it. */
final class TestEncoder implements OutboundEncoder {
    static final TestEncoder INSTANCE = new TestEncoder();
    static final ResumeProtocol PROTOCOL = ResumeProtocol.of("test", INSTANCE);

    @Override
    public String originated(Outbound.Originated message, long id) {
        return switch (message) {
            case Outbound.Event e -> event(id, e.iface(), e.name(), e.args());
            case Outbound.Ping p -> ping(id);
            case Outbound.Call c -> "{call:[" + id + ",'" + c.iface() + "']," + c.method() + ":" + value(c.args()) + "}";
            case Outbound.Inspect i -> "{inspect:[" + id + ",'" + i.iface() + "']}";
        };
    }

    @Override
    public String reply(Outbound.Reply message) {
        return switch (message) {
            case Outbound.Result r -> callbackOk(r.to(), r.results());
            case Outbound.Failure f -> "{callback:[" + f.to() + "],error:" + value(f.error()) + "}";
            case Outbound.Pong p -> "{pong:[" + p.to() + "]}";
        };
    }

    static String event(long id, String iface, String name, List<?> args) {
        return "{event:[" + id + ",'" + iface + "']," + name + ":" + value(args) + "}";
    }

    static String ping(long id) {
        return "{ping:[" + id + "]}";
    }

    static String callbackOk(long id, List<?> results) {
        return "{callback:[" + id + "],ok:" + value(results) + "}";
    }

    static String handshakeOk(String token) {
        return "{handshake:[0],ok:'" + token + "'}";
    }

    static String handshakeRestored(long received) {
        return "{handshake:[0],ok:" + received + "}";
    }

    static ResumableSession open(SessionLimits limits) {
        return ResumableSession.open(PROTOCOL, SessionQuota.unbounded(limits), "127.0.0.1", 1, null, null);
    }

    static ResumableSession open(SessionQuota quota, String address) {
        return ResumableSession.open(PROTOCOL, quota, address, 1, "app", "1.0.0");
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof List<?> l) {
            return l.stream().map(TestEncoder::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ":" + value(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(v);
    }
}
