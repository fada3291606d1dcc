package io.tether.api.jstp;

import io.tether.api.MethodContext;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The body of an {@link JstpMethod#async asynchronous} JSTP method: starts the work on the
 * calling I/O thread without blocking and returns a stage completed later with the result
 * list, or exceptionally (the same error policy as {@link MethodHandler}). The method's
 * deadline still applies: when it expires first, the call is answered with a timeout and the
 * stage is cancelled.
 */
@FunctionalInterface
public interface AsyncMethodHandler {
    /** Starts the method. */
    CompletionStage<? extends List<?>> handle(MethodContext ctx) throws Exception;
}
