package io.tether.server.primus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages ActionHero's websocket server sends, with its key order: verb replies
 * {@code {status:"OK", context:"response", data, messageId}} and verb errors
 * {@code {status:"Error: …", error:"Error: …", context:"response", data, messageId}}, action
 * replies (the action's fields, {@code error}, {@code context:"response"}, {@code messageId}),
 * the welcome {@code {welcome, context:"api"}} and Tether's frame errors
 * {@code {status:"error", error, context:"api"}} (the reference ignores a frame it cannot decode).
 */
final class PrimusReplies {
    static final String RESPONSE = "response";
    static final String API = "api";

    private PrimusReplies() {
    }

    static Map<String, Object> welcome(String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("welcome", text);
        m.put("context", API);
        return m;
    }

    /** A verb's success; {@code data} left out when null (JavaScript's undefined). */
    static Map<String, Object> verbOk(Object data, Object messageId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "OK");
        m.put("context", RESPONSE);
        if (data != null) {
            m.put("data", data);
        }
        m.put("messageId", messageId);
        return m;
    }

    /** A verb's failure as ActionHero words it ({@code Error: } and the message). */
    static Map<String, Object> verbError(String message, Map<String, Object> data, Object messageId) {
        String text = "Error: " + message;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", text);
        m.put("error", text);
        m.put("context", RESPONSE);
        m.put("data", data);
        m.put("messageId", messageId);
        return m;
    }

    /** An action's reply: its fields (minus the envelope keys), then error, context, messageId. */
    static Map<String, Object> action(Map<String, ?> fields, String error, Object messageId) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!"context".equals(k) && !"messageId".equals(k) && !(error != null && "error".equals(k))) {
                m.put(k, v);
            }
        });
        if (error != null) {
            m.put("error", error);
        }
        m.put("context", RESPONSE);
        m.put("messageId", messageId);
        return m;
    }

    /** The {@code file} event's reply. */
    static Map<String, Object> file(String error, String content, String mime, Long length, Long lastModified,
                                    Object messageId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("content", content);
        m.put("mime", mime);
        m.put("length", length);
        m.put("lastModified", lastModified);
        m.put("context", RESPONSE);
        m.put("messageId", messageId);
        return m;
    }

    /** A frame the server could not read (not JSON, not an object). */
    static Map<String, Object> frameError(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "error");
        m.put("error", reason);
        m.put("context", API);
        return m;
    }
}
