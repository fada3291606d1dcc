package io.tether.redis;

import io.tether.api.Principal;
import io.tether.core.session.resume.SessionSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SessionSnapshot} as stored in Redis: JSON with the buffered messages as their
 * exact text keyed by abs(id), the principal as {@code user} (name) and {@code attrs}, and the
 * user data as a JSON object. Only plain values ({@link PlainValues}) of the user data and
 * the principal's attributes are kept; other objects cannot move between nodes and are left
 * out.
 */
final class SessionSnapshotCodec {
    private final JsonMapper mapper;

    SessionSnapshotCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String encode(SessionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("user", s.principal() == null ? null : s.principal().name());
        if (s.principal() != null && !s.principal().attributes().isEmpty()) {
            m.put("attrs", plainOnly(s.principal().attributes()));
        }
        m.put("app", s.application());
        m.put("version", s.version());
        m.put("data", plainOnly(s.userData()));
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

    private static Map<String, Object> plainOnly(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (PlainValues.plain(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    SessionSnapshot decode(String json) {
        Map<String, Object> m = mapper.readValue(json, Map.class);
        TreeMap<Long, String> buffered = new TreeMap<>();
        ((Map<String, String>) m.get("buffered")).forEach((id, text) -> buffered.put(Long.parseLong(id), text));
        String user = (String) m.get("user");
        Principal principal = user == null ? null
                : new Principal(user, m.get("attrs") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of());
        // a snapshot of an older node kept the user data as mdsf text: it is not carried over
        Map<String, Object> data = m.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        return new SessionSnapshot((String) m.get("id"), principal, (String) m.get("app"),
                (String) m.get("version"), data,
                number(m.get("received")), number(m.get("delivered")), number(m.get("lastId")), buffered,
                new ArrayList<>((List<String>) m.get("held")), new ArrayList<>((List<String>) m.get("rooms")));
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
