package io.tether.redis;

import io.tether.codec.mdsf.Mdsf;
import io.tether.server.jstp.session.SessionSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SessionSnapshot} as stored in Redis: JSON with the buffered messages as their
 * exact text keyed by abs(id), and the user data as mdsf text. Only plain mdsf values of the
 * user data are kept (strings, numbers, booleans, null, undefined, lists and string-keyed
 * maps of those); other objects cannot move between nodes and are left out.
 */
final class SessionSnapshotCodec {
    private final JsonMapper mapper;

    SessionSnapshotCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String encode(SessionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("user", s.username());
        m.put("app", s.application());
        m.put("version", s.version());
        Map<String, Object> data = new LinkedHashMap<>();
        s.userData().forEach((k, v) -> {
            if (plain(v)) {
                data.put(k, v);
            }
        });
        m.put("data", Mdsf.stringify(data));
        m.put("received", s.receivedCount());
        m.put("delivered", s.deliveredCount());
        m.put("lastId", s.lastId());
        Map<String, String> buffered = new LinkedHashMap<>();
        s.buffered().forEach((id, text) -> buffered.put(Long.toString(id), text));
        m.put("buffered", buffered);
        m.put("held", s.held());
        m.put("rooms", s.rooms());
        return mapper.writeValueAsString(m);
    }

    @SuppressWarnings("unchecked")
    SessionSnapshot decode(String json) {
        Map<String, Object> m = mapper.readValue(json, Map.class);
        Object data = Mdsf.parseValue((String) m.get("data"));
        TreeMap<Long, String> buffered = new TreeMap<>();
        ((Map<String, String>) m.get("buffered")).forEach((id, text) -> buffered.put(Long.parseLong(id), text));
        return new SessionSnapshot((String) m.get("id"), (String) m.get("user"), (String) m.get("app"),
                (String) m.get("version"),
                data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of(),
                number(m.get("received")), number(m.get("delivered")), number(m.get("lastId")), buffered,
                new ArrayList<>((List<String>) m.get("held")), new ArrayList<>((List<String>) m.get("rooms")));
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    /** Whether a value is a plain mdsf value (recursively). */
    static boolean plain(Object v) {
        if (v == null || v == Mdsf.UNDEFINED || v instanceof String || v instanceof Boolean
                || v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Double || v instanceof Float) {
            return true;
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(SessionSnapshotCodec::plain);
        }
        if (v instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && plain(e.getValue()));
        }
        return false;
    }
}
