package io.tether.core.action;

import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.TetherException;
import java.util.List;

/**
 * The middleware chain every run passes, actions and methods alike, sorted by priority. A
 * {@code before} hook that throws stops the run with that error and an {@code after} hook
 * replaces it, both under {@link ErrorPolicy}: nothing a hook throws (not even an
 * {@link Error}) escapes to the thread running it.
 */
final class Middleware {
    private final List<ActionMiddleware> hooks;

    Middleware(List<ActionMiddleware> hooks) {
        this.hooks = hooks;
    }

    /** Runs every before hook; returns the error of the first that threw, or null. */
    TetherException before(CallContext ctx) {
        for (ActionMiddleware m : hooks) {
            try {
                m.before(ctx);
            } catch (Throwable e) {
                return ErrorPolicy.toClient(e, ctx.name() + " (middleware " + safeName(m) + ")");
            }
        }
        return null;
    }

    /** Runs every after hook, each seeing the error the previous one left; returns the last. */
    TetherException after(CallContext ctx, TetherException error) {
        TetherException current = error;
        for (ActionMiddleware m : hooks) {
            try {
                current = m.after(ctx, current);
            } catch (Throwable e) {
                current = ErrorPolicy.toClient(e, ctx.name() + " (middleware " + safeName(m) + ")");
            }
        }
        return current;
    }

    private static String safeName(ActionMiddleware m) {
        try {
            return m.name();
        } catch (RuntimeException e) {
            return m.getClass().getName();
        }
    }
}
