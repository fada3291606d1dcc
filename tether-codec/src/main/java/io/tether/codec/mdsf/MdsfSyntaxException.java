package io.tether.codec.mdsf;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;

/**
 * Malformed mdsf input. Always carries {@link ErrorCode#PROTOCOL_ERROR} and the offset
 * (in UTF-16 code units) of the character where the reader gave up. A
 * {@link MdsfLimitException} when the text is over one of the reader's {@link MdsfLimits}.
 */
public sealed class MdsfSyntaxException extends TetherException permits MdsfLimitException {
    private static final long serialVersionUID = 1L;

    private final int position;

    /** Creates a syntax error at {@code position} with a short reason. */
    public MdsfSyntaxException(String reason, int position) {
        super(ErrorCode.PROTOCOL_ERROR, "mdsf syntax error at offset " + position + ": " + reason);
        this.position = position;
    }

    /** The offset in the input (UTF-16 code units) where the error was detected. */
    public int position() {
        return position;
    }
}
