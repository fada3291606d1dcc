package io.tether.codec.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;

/**
 * A {@link ErrorCode#PROTOCOL_ERROR} about the bytes a peer sent (an empty frame, an invalid
 * header). It records no stack trace: it describes input, not code, and every one of them would
 * be the same walk through the decoder — which a peer sending garbage would make the receiver
 * pay per message.
 */
final class MalformedInput extends TetherException {
    private static final long serialVersionUID = 1L;

    MalformedInput(String message) {
        super(ErrorCode.PROTOCOL_ERROR, message);
    }

    @Override
    public Throwable fillInStackTrace() {
        return this;
    }
}
