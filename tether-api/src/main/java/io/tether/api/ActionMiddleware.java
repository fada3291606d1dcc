package io.tether.api;

/**
 * Hooks run around every handler run, actions and JSTP-native methods alike, ordered by
 * {@link #priority()} (lower first). A hook receives the run's {@link CallContext}; one that
 * needs an action's params or reply checks {@code context instanceof ActionContext}.
 *
 * <p>A {@code before} hook rejects a call by throwing a {@link TetherException} (e.g. with
 * {@link ErrorCode#REJECTED}), whose message the client reads; any other exception is
 * answered as an internal error (logged with a correlation id, see {@link TetherException}).
 * An {@code after} hook may change {@link ActionContext#response()} or replace the error.
 *
 * <p>Hooks run on the same thread as the handler: a virtual thread for most runs, the
 * connection's I/O thread for {@code nonBlocking()} ones — so a hook that may block must not
 * be installed next to non-blocking handlers.
 */
public interface ActionMiddleware {
    /** Name for logs and documentation. */
    String name();

    /** Lower runs first; default 100. */
    default int priority() {
        return 100;
    }

    /** Runs before the handler, after an action's inputs were validated. */
    default void before(CallContext context) throws Exception {
    }

    /**
     * Runs after the handler (also when it failed). Returns the error to report, possibly
     * replaced; return {@code error} unchanged to keep it, null to clear it.
     */
    default TetherException after(CallContext context, TetherException error) throws Exception {
        return error;
    }
}
