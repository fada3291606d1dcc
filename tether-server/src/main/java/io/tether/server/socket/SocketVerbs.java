package io.tether.server.socket;

import io.tether.api.ErrorCode;
import io.tether.api.RoomView;
import io.tether.api.TetherException;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The param, room, details and documentation verbs: applies each verb's side
 * effect at once (in line order) and builds its reply. {@code quit}/{@code exit} and
 * {@code file} are handled by the connection handler. Runs on the event loop.
 */
final class SocketVerbs {
    private final TetherCore core;
    private final Map<String, Object> documentation;

    SocketVerbs(TetherCore core) {
        this.core = core;
        this.documentation = ActionDocumentation.of(core.registry());
    }

    /** Runs a verb and returns its reply. */
    SocketMessage run(SocketRequest.Verb v, SocketSession session, Correlation c) {
        try {
            return switch (v.verb()) {
                case PARAM_ADD -> paramAdd(v, session, c);
                case PARAM_VIEW -> paramView(v.arg(0), session, c);
                case PARAM_DELETE -> ok(remove(session, v.arg(0) == null ? "" : v.arg(0)), c);
                case PARAMS_VIEW -> data(new LinkedHashMap<>(session.params()), c);
                case PARAMS_DELETE -> ok(clear(session), c);
                case DETAILS_VIEW -> data(details(session), c);
                case ROOM_ADD -> data(roomAdd(v.arg(0), session.connection()), c);
                case ROOM_LEAVE -> data(roomLeave(v.arg(0), session.connection()), c);
                case ROOM_VIEW -> data(roomView(v.arg(0), session.connection()), c);
                case SAY -> ok(say(v, session.connection()), c);
                case DOCUMENTATION -> data(documentation, c);
                case QUIT, EXIT -> throw new IllegalStateException("quit is handled by the connection handler");
            };
        } catch (TetherException e) {
            return SocketReplies.verbError(e.getMessage(), c.messageId(), c.messageCount());
        }
    }

    private static SocketMessage ok(Object ignored, Correlation c) {
        return SocketReplies.verbOk(false, null, c.messageId(), c.messageCount());
    }

    private static SocketMessage data(Object value, Correlation c) {
        return SocketReplies.verbOk(true, value, c.messageId(), c.messageCount());
    }

    /**
     * {@code k=v} (value between the first and second '=') or {@code k v}; whitelisted keys
     * only; a value over the sticky bounds is answered with an error and not stored.
     */
    private SocketMessage paramAdd(SocketRequest.Verb v, SocketSession session, Correlation c) {
        String first = v.arg(0);
        if (first == null) {
            return ok(null, c);
        }
        String key;
        String value;
        int eq = first.indexOf('=');
        if (eq >= 0) {
            key = first.substring(0, eq);
            int next = first.indexOf('=', eq + 1);
            value = next < 0 ? first.substring(eq + 1) : first.substring(eq + 1, next);
        } else {
            key = first;
            value = v.arg(1);
        }
        if (!StickyParamsPolicy.mayAdd(core.registry(), key)) {
            return ok(null, c);
        }
        if (value == null) {
            session.sticky().remove(key); // an undefined value: invisible from now on
            return ok(null, c);
        }
        String refused = session.sticky().put(key, value);
        return refused == null ? ok(null, c) : SocketReplies.verbError(refused, c.messageId(), c.messageCount());
    }

    private static Object remove(SocketSession session, String key) {
        session.sticky().remove(key);
        return null;
    }

    private static SocketMessage paramView(String key, SocketSession session, Correlation c) {
        if (key == null || !session.params().containsKey(key)) {
            return ok(null, c);
        }
        return data(session.params().get(key), c);
    }

    private static Object clear(SocketSession session) {
        session.sticky().clear();
        return null;
    }

    private static Map<String, Object> details(SocketSession session) {
        Session conn = session.connection();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", conn.id());
        d.put("fingerprint", conn.id());
        d.put("remoteIP", conn.info().remoteIp());
        d.put("remotePort", conn.info().remotePort());
        d.put("params", new LinkedHashMap<>(session.params()));
        d.put("connectedAt", conn.info().connectedAt());
        d.put("rooms", conn.rooms());
        d.put("totalActions", conn.totalActions());
        d.put("pendingActions", conn.pendingActions());
        return d;
    }

    private Object roomAdd(String room, Session conn) {
        if (room == null) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        core.rooms().join(conn, room);
        return true;
    }

    private Object roomLeave(String room, Session conn) {
        core.rooms().leave(conn, requireMember(room, conn));
        return true;
    }

    private Object roomView(String room, Session conn) {
        RoomView view = core.rooms().view(conn, requireMember(room, conn));
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

    private static String requireMember(String room, Session conn) {
        if (room == null || !conn.rooms().contains(room)) {
            throw new TetherException(ErrorCode.NOT_IN_ROOM, "connection not in this room ("
                    + (room == null ? "undefined" : room) + ")");
        }
        return room;
    }

    private Object say(SocketRequest.Verb v, Session conn) {
        List<String> args = v.args();
        String message = args.size() < 2 ? null : String.join(" ", args.subList(1, args.size()));
        core.rooms().say(conn, v.arg(0), message);
        return null;
    }
}
