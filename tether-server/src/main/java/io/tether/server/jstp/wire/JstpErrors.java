package io.tether.server.jstp.wire;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.jstp.app.JstpRemoteError;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps failures to JSTP error arrays: standard codes 10–17 travel as
 * {@code [code]}, other codes as {@code [code, message]}; an explicit
 * {@link JstpRemoteError} array is sent unchanged; anything unexpected becomes {@code [16]}.
 */
public final class JstpErrors {
    private JstpErrors() {
    }

    /** The error array for a failure raised by a method or an action. */
    public static List<Object> of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof JstpRemoteError remote) {
            return remote.toWire();
        }
        if (t instanceof TetherException te) {
            return of(te.code(), te.getMessage());
        }
        return List.of(ErrorCode.INTERNAL_ERROR.jstpCode());
    }

    /** The error array for a code and message. */
    public static List<Object> of(ErrorCode code, String message) {
        if (code.isJstpStandard() || message == null || message.isEmpty()) {
            return List.of(code.jstpCode());
        }
        List<Object> out = new ArrayList<>(2);
        out.add(code.jstpCode());
        out.add(message);
        return out;
    }

    /** The error array of a standard code. */
    public static List<Object> of(ErrorCode code) {
        return List.of(code.jstpCode());
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof java.util.concurrent.CompletionException
                || cur instanceof java.util.concurrent.ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
