package io.tether.server.actionhero;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.api.RoomView;
import io.tether.core.action.ActionRegistry;
import io.tether.core.session.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} payloads of the ActionHero verbs, the same for every ActionHero transport
 * (the socket protocol and Primus over WebSocket): {@code documentation}, {@code detailsView}
 * and {@code roomView}. Internal: shared by Tether's adapters, not an application API.
 */
public final class ActionheroPayloads {
    private ActionheroPayloads() {
    }

    /**
     * The historical {@code documentation} verb payload built from the registry, an
     * unmodifiable snapshot: {@code {name:{version:{name,version,description,inputs,outputExample:{}}}}}
     * (the reference server answers the verb with an error).
     */
    public static Map<String, Object> documentation(ActionRegistry registry) {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Action a : registry.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> versions = (Map<String, Object>) byName.computeIfAbsent(a.name(),
                    n -> new LinkedHashMap<String, Object>());
            versions.put(String.valueOf(a.version()), describe(a));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, Object> describe(Action a) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Input in : a.inputs()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("required", in.isRequired());
            if (!in.description().isEmpty()) {
                doc.put("description", in.description());
            }
            inputs.put(in.name(), doc);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", a.name());
        d.put("version", a.version());
        d.put("description", a.description());
        d.put("inputs", inputs);
        d.put("outputExample", Map.of());
        return d;
    }

    /**
     * The {@code detailsView} payload: {@code id, fingerprint, remoteIP, remotePort, params,
     * connectedAt, rooms, totalActions, pendingActions}; {@code params} is copied.
     */
    public static Map<String, Object> details(Session conn, Map<String, Object> params) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", conn.id());
        d.put("fingerprint", conn.id());
        d.put("remoteIP", conn.info().remoteIp());
        d.put("remotePort", conn.info().remotePort());
        d.put("params", new LinkedHashMap<>(params));
        d.put("connectedAt", conn.info().connectedAt());
        d.put("rooms", conn.rooms());
        d.put("totalActions", conn.totalActions());
        d.put("pendingActions", conn.pendingActions());
        return d;
    }

    /** The {@code roomView} payload: {@code room, members:{id:{id, joinedAt}}, membersCount}. */
    public static Map<String, Object> roomView(RoomView view) {
        Map<String, Object> members = new LinkedHashMap<>();
        view.members().forEach((id, joinedAt) -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", id);
            member.put("joinedAt", joinedAt);
            members.put(id, member);
        });
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("room", view.room());
        d.put("members", members);
        d.put("membersCount", view.membersCount());
        return d;
    }
}
