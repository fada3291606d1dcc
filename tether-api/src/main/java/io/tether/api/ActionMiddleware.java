package io.tether.api;

/**
 * Hooks run around every action, ordered by {@link #priority()} (lower first). A
 * {@code before} hook rejects a call by throwing (a {@link TetherException} keeps its code,
 * anything else becomes {@link ErrorCode#REJECTED}); an {@code after} hook may change
 * {@link ActionContext#response()} or replace the error.
 *
 * <p>Hooks run on the same thread as the handler: a virtual thread for most actions, the
 * connection's I/O thread for {@link Action#nonBlocking() non-blocking} ones — so a hook that
 * may block must not be installed next to non-blocking actions.
 */
public interface ActionMiddleware {
    /** Name for logs and documentation. */
    String name();

    /** Lower runs first; default 100. */
    default int priority() {
        return 100;
    }

    /** Runs before the handler, after inputs were validated. */
    default void before(ActionContext context) throws Exception {
    }

    /**
     * Runs after the handler (also when it failed). Returns the error to report, possibly
     * replaced; return {@code error} unchanged to keep it, null to clear it.
     */
    default TetherException after(ActionContext context, TetherException error) throws Exception {
        return error;
    }
}
