package io.tether.core.action;

import io.tether.api.TetherException;
import java.util.List;

/**
 * The result of one JSTP-method run: the result list ({@code ok:[…]}) or the error.
 *
 * @param results the results, never null (empty on failure)
 * @param error   the failure, or null on success
 * @param aborted whether the method aborted its transport: the call must not be answered
 */
public record MethodOutcome(List<Object> results, TetherException error, boolean aborted) {

    /** A failure. */
    public static MethodOutcome failure(TetherException error) {
        return new MethodOutcome(List.of(), error, false);
    }

    /** Whether the run succeeded. */
    public boolean ok() {
        return error == null;
    }
}
