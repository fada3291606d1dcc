package io.tether.core.action;

import io.tether.api.ActionMiddleware;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before-middleware, the handler and after-middleware of one action run. A
 * {@link VirtualMachineError} of the handler or a middleware ({@code StackOverflowError},
 * {@code OutOfMemoryError}) answers the request with an internal error (logged at ERROR,
 * never shown to the client) instead of escaping to the worker or I/O thread running it.
 */
final class ActionInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(ActionInvoker.class);
    /** What a client reads for an unexpected failure. */
    static final String INTERNAL_TEXT = "internal error";

    private final List<ActionMiddleware> middleware;
    private final ResultFields results = new ResultFields();

    ActionInvoker(List<ActionMiddleware> middleware) {
        this.middleware = middleware;
    }

    ActionOutcome invoke(ActionRun ctx) {
        TetherException error = null;
        try {
            for (ActionMiddleware m : middleware) {
                m.before(ctx);
            }
        } catch (Exception e) {
            error = asTether(e, ErrorCode.REJECTED, ctx);
        } catch (VirtualMachineError e) {
            error = internal(e, ctx);
        }
        if (error == null) {
            error = runHandler(ctx);
        }
        for (ActionMiddleware m : middleware) {
            try {
                error = m.after(ctx, error);
            } catch (Exception e) {
                error = asTether(e, ErrorCode.INTERNAL_ERROR, ctx);
            } catch (VirtualMachineError e) {
                error = internal(e, ctx);
            }
        }
        return new ActionOutcome(Collections.unmodifiableMap(ctx.fields()), error); // the run's own map
    }

    private TetherException runHandler(ActionRun ctx) {
        try {
            results.take(ctx.action().handler().handle(ctx), ctx);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TetherException(ErrorCode.ACTION_TIMEOUT, "the action " + ctx.action().name() + " was interrupted");
        } catch (Exception | LinkageError | AssertionError e) {
            return asTether(e, ErrorCode.APPLICATION_ERROR, ctx);
        } catch (VirtualMachineError e) {
            return internal(e, ctx);
        }
    }

    /** An internal error for the client; the Error is logged (if even that works), never sent. */
    private static TetherException internal(VirtualMachineError e, ActionRun ctx) {
        try {
            LOG.error("action {} failed with {}", ctx.action().name(), e.getClass().getName(), e);
        } catch (Throwable logFailed) {
            try {
                LOG.error("action {} failed with an Error that could not be logged", ctx.action().name());
            } catch (Throwable ignored) {
                // the answer below matters more than the log
            }
        }
        return new TetherException(ErrorCode.INTERNAL_ERROR, INTERNAL_TEXT);
    }

    /**
     * The error a client sees for an exception that is not a {@link TetherException}: the text
     * of an exception the action code made itself (no cause: the ActionHero contract), but
     * {@link #INTERNAL_TEXT} for one that wraps another or is an {@link Error}, whose message
     * may carry what a library saw (addresses, keys, paths); that detail goes to the log.
     */
    private static TetherException asTether(Throwable e, ErrorCode code, ActionRun ctx) {
        if (e instanceof TetherException te) {
            return te;
        }
        if (e.getCause() != null || e instanceof Error) {
            LOG.warn("action {} failed unexpectedly", ctx.action().name(), e);
            return new TetherException(ErrorCode.INTERNAL_ERROR, INTERNAL_TEXT, e);
        }
        LOG.debug("action {} failed", ctx.action().name(), e);
        String message = e.getMessage();
        return new TetherException(code, message == null || message.isEmpty() ? e.getClass().getSimpleName() : message, e);
    }
}
