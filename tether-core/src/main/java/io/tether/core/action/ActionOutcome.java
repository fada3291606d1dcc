package io.tether.core.action;

import io.tether.api.TetherException;
import java.util.Map;

/**
 * The result of one action run: the reply fields (insertion ordered) and, when it failed,
 * the error. Fields set before a failure are kept.
 *
 * @param fields reply fields, never null
 * @param error  the failure, or null on success
 */
public record ActionOutcome(Map<String, Object> fields, TetherException error) {

    /** A failure with no fields. */
    public static ActionOutcome failure(TetherException error) {
        return new ActionOutcome(Map.of(), error);
    }

    /** Whether the run succeeded. */
    public boolean ok() {
        return error == null;
    }
}
