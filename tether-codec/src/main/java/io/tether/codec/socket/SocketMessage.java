package io.tether.codec.socket;

/**
 * One server → client message: a JSON value (usually an insertion-ordered map built by
 * {@link SocketReplies}) that {@link SocketWireWriter} writes compactly followed by
 * {@code \r\n}, in one buffer.
 *
 * @param value a JSON-able value (Map, List, String, Number, Boolean or null), or an
 *              {@link ActionReply}
 */
public record SocketMessage(Object value) {
}
