package io.tether.server.socket;

import io.tether.core.session.Session;
import io.tether.core.session.RandomIds;
import java.util.Map;

/**
 * Protocol state of one socket connection: the core {@link Session}, the sticky params,
 * the most recent messageId and the request-line count. Confined to the channel's event
 * loop (only {@link #isClosing()} may be read elsewhere).
 */
final class SocketSession {
    private final Session connection;
    private final StickyParams params;
    private Object lastMessageId = "0";
    private long messageCount;
    private volatile boolean closing;

    SocketSession(Session connection, StickyParamsPolicy stickyPolicy) {
        this.connection = connection;
        this.params = new StickyParams(stickyPolicy, connection.info().remoteIp());
    }

    Session connection() {
        return connection;
    }

    /** The sticky params, read-only live view (event loop only). */
    Map<String, Object> params() {
        return params.view();
    }

    /** The sticky params, to change them within their bounds (event loop only). */
    StickyParams sticky() {
        return params;
    }

    /** Counts a non-empty request line; returns its messageCount. */
    long countLine() {
        return ++messageCount;
    }

    /**
     * Fixes the messageId of the line being processed, before it runs: the sticky
     * {@code messageId} when truthy (as is, same JSON type), else a fresh UUID.
     */
    Object fixMessageId() {
        Object sticky = params.view().get("messageId");
        lastMessageId = JsTruth.isTruthy(sticky) ? sticky : RandomIds.uuid();
        return lastMessageId;
    }

    /**
     * Overrides the current line's id (a JSON request whose new params carry a truthy messageId;
     * without one the id fixed from the old params stays).
     */
    Object overrideMessageId(Object id) {
        lastMessageId = id;
        return id;
    }

    /** The id of the most recent processed request, or {@code "0"}. */
    Object lastMessageId() {
        return lastMessageId;
    }

    /** Marks the session as ending: nothing more is written except the goodbye. */
    void markClosing() {
        closing = true;
    }

    boolean isClosing() {
        return closing;
    }
}
