package io.tether.api;

/**
 * The body of an action. It runs on a virtual thread, may block, and returns either
 * {@code null}, a {@link java.util.Map} or a record whose fields become the reply. A returned
 * map is handed over, not copied: do not change it after returning it. The handler may also
 * put fields into {@link ActionContext#response()} directly. A thrown
 * {@link TetherException} becomes an error reply with its code and message; any other
 * exception is answered as an internal error carrying a correlation id (see
 * {@link TetherException}).
 */
@FunctionalInterface
public interface ActionHandler {
    /** Runs the action. */
    Object handle(ActionContext context) throws Exception;
}
