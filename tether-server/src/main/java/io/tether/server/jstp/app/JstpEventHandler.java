package io.tether.server.jstp.app;

/**
 * Receives events the client sends ({@code {event:[id,'iface'],name:[args]}}); the context's
 * {@code iface()}, {@code member()} and {@code args()} name the interface, event and
 * arguments. Runs on the event loop; must not block.
 */
@FunctionalInterface
public interface JstpEventHandler {
    /** Handles one client event. */
    void onEvent(JstpCallContext ctx);

    /** A handler that ignores every event. */
    static JstpEventHandler ignore() {
        return ctx -> { };
    }
}
