package io.tether.api.jstp;

import io.tether.api.MethodContext;

/**
 * Receives events the client sends ({@code {event:[id,'iface'],name:[args]}}); the context's
 * {@code iface()}, {@code member()} and {@code args()} name the interface, event and
 * arguments. Runs on the connection's I/O thread and must not block; an exception is logged
 * (an event gets no reply).
 */
@FunctionalInterface
public interface JstpEventHandler {
    /** Handles one client event. */
    void onEvent(MethodContext ctx) throws Exception;

    /** A handler that ignores every event. */
    static JstpEventHandler ignore() {
        return ctx -> { };
    }
}
