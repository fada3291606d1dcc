package io.tether.server.jstp.bridge;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.RoomView;
import io.tether.api.TetherException;
import io.tether.api.MethodContext;
import io.tether.api.jstp.JstpInterface;
import io.tether.api.jstp.JstpMethod;
import io.tether.core.room.RoomDelivery;
import io.tether.core.room.RoomService;
import io.tether.core.session.Session;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared rooms as a JSTP interface (default name {@code chat}): {@code join(room)},
 * {@code leave(room)}, {@code view(room)} and {@code say(room, message)} on the core's
 * {@link RoomService}, and the delivery of room messages to a session as events
 * {@code {event:[-n,'chat'],message:[{message, room, from, sentAt}]}}, whose payload is
 * serialized once per room message, not once per member.
 */
public final class ChatInterface {
    private static final Function<Object, List<Object>> NO_RESULTS = ignored -> List.of();

    private ChatInterface() {
    }

    /**
     * The interface. Each method answers from the room service's future: at once with the
     * in-memory broker, from a worker with a broker that may block (the service decides).
     */
    public static JstpInterface create(String name, RoomService rooms) {
        return JstpInterface.builder(name)
                .method(JstpMethod.async("join", 1, ctx -> rooms.join(core(ctx), room(ctx)).thenApply(NO_RESULTS)))
                .method(JstpMethod.async("leave", 1, ctx -> rooms.leave(core(ctx), room(ctx)).thenApply(NO_RESULTS)))
                .method(JstpMethod.async("view", 1, ctx -> rooms.view(core(ctx), room(ctx))
                        .thenApply(v -> List.<Object>of(view(v)))))
                .method(JstpMethod.async("say", 2, ctx -> {
                    Object text = ctx.arg(1);
                    return rooms.say(core(ctx), room(ctx), text instanceof String s ? s : null).thenApply(NO_RESULTS);
                }))
                .build();
    }

    /** Delivers a room message to a session as a chat event (buffered while offline). */
    public static void deliver(String name, ResumableSession session, RoomMessage m) {
        session.originate(event(name, m));
    }

    /**
     * Delivers a room message shared by all members of the room: one event for every member
     * (with the same interface name), whose payload the encoder serializes once; only the id differs.
     */
    public static void deliver(String name, ResumableSession session, RoomDelivery delivery) {
        session.originate(delivery.shared(new EventFormat(name), m -> event(name, m)));
    }

    /** The memo key of the chat event form for one interface name. */
    private record EventFormat(String iface) {
    }

    private static Outbound.Event event(String name, RoomMessage m) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("message", m.message());
        payload.put("room", m.room());
        payload.put("from", m.from());
        payload.put("sentAt", m.sentAt());
        return Outbound.event(name, "message", List.of(payload));
    }

    private static Map<String, Object> view(RoomView v) {
        Map<String, Object> members = new LinkedHashMap<>();
        v.members().forEach((id, joinedAt) -> {
            Map<String, Object> member = new LinkedHashMap<>(); // id first, as the socket protocol's roomView
            member.put("id", id);
            member.put("joinedAt", joinedAt);
            members.put(id, member);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("room", v.room());
        out.put("members", members);
        out.put("membersCount", v.membersCount());
        return out;
    }

    /** The core session behind the handle (the pipeline hands methods the core {@link Session}). */
    private static Session core(MethodContext ctx) {
        return (Session) ctx.session();
    }

    private static String room(MethodContext ctx) {
        if (ctx.arg(0) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new TetherException(ErrorCode.ROOM_ARGUMENTS_REQUIRED, "a room name is required");
    }
}
