package io.tether.server.socket;

import io.tether.api.RoomView;
import io.tether.api.TetherException;
import io.tether.codec.socket.SocketMessage;
import io.tether.codec.socket.SocketReplies;
import io.tether.codec.socket.SocketRequest;
import io.tether.codec.socket.SocketVerb;
import io.tether.core.TetherCore;
import io.tether.core.session.Session;
import io.tether.server.actionhero.ActionheroPayloads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The param, room, details and documentation verbs: applies each verb's side
 * effect (in line order) and builds its reply; room verbs go to the core's room service and
 * answer through a future. {@code quit}/{@code exit} and {@code file} are handled by the
 * connection handler. Runs on the event loop.
 */
final class SocketVerbs {
    private static final Logger LOG = LoggerFactory.getLogger(SocketVerbs.class);

    private final TetherCore core;
    private final Map<String, Object> documentation;

    SocketVerbs(TetherCore core) {
        this.core = core;
        this.documentation = ActionheroPayloads.documentation(core.registry());
    }

    /** Runs a verb that is not a room verb and returns its reply. */
    SocketMessage run(SocketRequest.Verb v, SocketSession session, Correlation c) {
        try {
            return switch (v.verb()) {
                case PARAM_ADD -> paramAdd(v, session, c);
                case PARAM_VIEW -> paramView(v.arg(0), session, c);
                case PARAM_DELETE -> ok(remove(session, v.arg(0) == null ? "" : v.arg(0)), c);
                case PARAMS_VIEW -> data(new LinkedHashMap<>(session.params()), c);
                case PARAMS_DELETE -> ok(clear(session), c);
                case DETAILS_VIEW -> data(ActionheroPayloads.details(session.connection(), session.params()), c);
                case DOCUMENTATION -> data(documentation, c);
                case ROOM_ADD, ROOM_LEAVE, ROOM_VIEW, SAY -> throw new IllegalStateException("a room verb: use room()");
                case QUIT, EXIT -> throw new IllegalStateException("quit is handled by the connection handler");
            };
        } catch (TetherException e) {
            return SocketReplies.verbError(e.getMessage(), c.messageId(), c.messageCount());
        }
    }

    /** Whether the verb is a room verb (answered through {@link #room}). */
    static boolean isRoomVerb(SocketVerb verb) {
        return verb == SocketVerb.ROOM_ADD || verb == SocketVerb.ROOM_LEAVE || verb == SocketVerb.ROOM_VIEW
                || verb == SocketVerb.SAY;
    }

    /**
     * Starts a room verb on the core's room service; its future is already complete with an
     * in-memory broker. Turn the outcome into the reply with {@link #roomReply}.
     */
    CompletableFuture<?> room(SocketRequest.Verb v, SocketSession session) {
        Session conn = session.connection();
        return switch (v.verb()) {
            case ROOM_ADD -> core.rooms().join(conn, v.arg(0));
            case ROOM_LEAVE -> core.rooms().leave(conn, v.arg(0));
            case ROOM_VIEW -> core.rooms().view(conn, v.arg(0));
            case SAY -> core.rooms().say(conn, v.arg(0), sayText(v));
            default -> throw new IllegalStateException("not a room verb: " + v.verb());
        };
    }

    /**
     * The reply to a finished room verb: its data, or the core's error text (the ActionHero
     * one); an unexpected failure is logged and answered {@code internal error}.
     */
    static SocketMessage roomReply(SocketVerb verb, CompletableFuture<?> done, Correlation c) {
        if (done.state() == Future.State.SUCCESS) {
            return switch (verb) {
                case ROOM_ADD, ROOM_LEAVE -> data(true, c);
                case ROOM_VIEW -> data(ActionheroPayloads.roomView((RoomView) done.resultNow()), c);
                default -> ok(null, c);
            };
        }
        Throwable failure = done.state() == Future.State.FAILED ? done.exceptionNow() : null;
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof TetherException e) {
            return SocketReplies.verbError(e.getMessage(), c.messageId(), c.messageCount());
        }
        LOG.warn("room verb {} failed unexpectedly", verb, failure);
        return SocketReplies.verbError("internal error", c.messageId(), c.messageCount());
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

    /** The words after the room name, joined by single spaces; null when there are none. */
    private static String sayText(SocketRequest.Verb v) {
        List<String> args = v.args();
        return args.size() < 2 ? null : String.join(" ", args.subList(1, args.size()));
    }
}
