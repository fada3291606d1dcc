package io.tether.server.jstp.app;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The body of a JSTP method. Runs on the connection's event loop and must not block: do
 * slow work on {@link JstpCallContext#workers()} or use {@link JstpMethod#blocking}.
 * Complete with the result list ({@code ok:[…]}), or exceptionally with a
 * {@link JstpRemoteError} / {@link io.tether.api.TetherException} (standard codes 10–17 sent as
 * {@code [code]}, others as {@code [code, message]}); any other failure is answered {@code [16]}.
 */
@FunctionalInterface
public interface JstpMethodHandler {
    /** Invokes the method. */
    CompletionStage<List<Object>> invoke(JstpCallContext ctx) throws Exception;

    /** A synchronous body returning its results directly. */
    @FunctionalInterface
    interface Sync {
        /** Computes the results; {@code null} means no results ({@code ok:[]}). */
        List<Object> invoke(JstpCallContext ctx) throws Exception;
    }
}
