package io.tether.api;

import java.util.Objects;

/**
 * The one unchecked exception root of Tether. Every failure that can reach a client
 * carries an {@link ErrorCode}; each protocol maps the code and the message to its wire
 * form. Stack traces and causes never reach the wire.
 */
public class TetherException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** Creates an exception with a code and the message a client will see. */
    public TetherException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception with a code, the client-visible message and a cause (kept local). */
    public TetherException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }
}
