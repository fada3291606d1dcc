package io.tether.codec.jstp;

import io.netty.handler.codec.DecoderException;
import io.tether.api.TetherException;

/**
 * What {@link JstpMessageDecoder} throws for a frame that is not a JSTP message: a
 * {@link DecoderException} (as Netty would wrap it) whose cause is the {@link TetherException}
 * saying why, without a stack trace of its own (always the decoder's; see {@link MalformedInput}).
 */
final class MalformedFrame extends DecoderException {
    private static final long serialVersionUID = 1L;

    MalformedFrame(TetherException cause) {
        super(cause);
    }

    @Override
    public Throwable fillInStackTrace() {
        return this;
    }
}
