package io.tether.codec.socket;

import io.tether.api.RoomMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds every message the socket protocol sends, with the reference key order (action fields,
 * {@code error}, {@code context}, {@code messageId}; verbs {@code status, context, data,
 * messageId}) and Tether's {@code messageCount} (the number of request lines so far) after
 * {@code messageId} on responses.
 */
public final class SocketReplies {
    /** The {@code context} of server messages. */
    public static final String API = "api";
    /** The {@code context} of replies. */
    public static final String RESPONSE = "response";
    /** The {@code context} of chat broadcasts. */
    public static final String USER = "user";
    /** The error text of an over-long line. */
    public static final String DATA_LENGTH_TOO_LONG = "DATA_LENGTH_TOO_LONG";
    /** The bare string sent when a file cannot be served. */
    public static final String FILE_NOT_FOUND = "that file is not found";

    private SocketReplies() {
    }

    /** {@code {welcome, context:"api"}}. */
    public static SocketMessage welcome(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("welcome", text);
        m.put("context", API);
        return new SocketMessage(m);
    }

    /** {@code {status:"Bye", context:"api"}}. */
    public static SocketMessage bye() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "Bye");
        m.put("context", API);
        return new SocketMessage(m);
    }

    /** Verb success; {@code data} is omitted when {@code hasData} is false. */
    public static SocketMessage verbOk(boolean hasData, Object data, Object messageId, long messageCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "OK");
        m.put("context", RESPONSE);
        if (hasData) {
            m.put("data", data);
        }
        return new SocketMessage(correlate(m, messageId, messageCount));
    }

    /** Verb failure: {@code {error, context, messageId, messageCount}}. */
    public static SocketMessage verbError(String error, Object messageId, long messageCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("context", RESPONSE);
        return new SocketMessage(correlate(m, messageId, messageCount));
    }

    /**
     * Action reply: its fields at top level, then {@code error} when it failed, then the
     * envelope (see {@link ActionReply}); {@code fields} is not copied and must not change.
     */
    public static SocketMessage actionReply(Map<String, ?> fields, String error, Object messageId,
                                            long messageCount) {
        return new SocketMessage(new ActionReply(fields, error, messageId, messageCount));
    }

    /** {@code {status:"error", error:"DATA_LENGTH_TOO_LONG", context, messageId, messageCount}}. */
    public static SocketMessage dataTooLong(Object messageId, long messageCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "error");
        m.put("error", DATA_LENGTH_TOO_LONG);
        m.put("context", RESPONSE);
        return new SocketMessage(correlate(m, messageId, messageCount));
    }

    /** A chat broadcast: {@code {message, room, from, context:"user", sentAt}}. */
    public static SocketMessage chat(RoomMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message.message());
        m.put("room", message.room());
        m.put("from", message.from());
        m.put("context", USER);
        m.put("sentAt", message.sentAt());
        return new SocketMessage(m);
    }

    /** The bare JSON string {@code "that file is not found"}. */
    public static SocketMessage fileNotFound() {
        return new SocketMessage(FILE_NOT_FOUND);
    }

    private static Map<String, Object> correlate(Map<String, Object> m, Object messageId, long messageCount) {
        m.put("messageId", messageId);
        m.put("messageCount", messageCount);
        return m;
    }
}
