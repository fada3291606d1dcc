package io.tether.codec.socket;

import java.util.Map;

/**
 * The value of an action's reply message: the action's fields at top level (any
 * {@code context}, {@code messageId} or {@code messageCount} among them dropped, and
 * {@code error} moved to the end when the action failed), then the envelope
 * {@code context:"response", messageId, messageCount}. Written by
 * {@link SocketWireWriter} straight from the fields, without building a merged map.
 *
 * @param fields       the action's reply fields, in order (not copied; must not change afterwards)
 * @param error        the error message, or null when the action succeeded
 * @param messageId    the request's messageId (any JSON value)
 * @param messageCount the request's line count
 */
public record ActionReply(Map<String, ?> fields, String error, Object messageId, long messageCount) {
    /** Whether {@code key} of the action's fields is left out of the reply. */
    boolean skips(String key) {
        return "context".equals(key) || "messageId".equals(key) || "messageCount".equals(key)
                || (error != null && "error".equals(key));
    }
}
