package io.tether.api;

import java.util.List;

/**
 * The context of a JSTP-native method run (or of a client event): the {@link CallContext}
 * plus the interface, the member (method or event) name and the arguments. Send an event to
 * the caller with {@code ctx.session().emit(iface, event, args)}.
 */
public interface MethodContext extends CallContext {
    /** The interface name. */
    String iface();

    /** The method (or event) name. */
    String member();

    /** The argument list, unmodifiable (a JavaScript hole or {@code undefined} is the codec's {@code UNDEFINED} marker). */
    List<Object> args();

    /** Argument {@code i}. */
    default Object arg(int i) {
        return args().get(i);
    }

    /** Argument {@code i} as a double; a non-number fails with {@link ErrorCode#INVALID_SIGNATURE}. */
    default double number(int i) {
        if (args().get(i) instanceof Number n) {
            return n.doubleValue();
        }
        throw new TetherException(ErrorCode.INVALID_SIGNATURE, "argument " + i + " must be a number");
    }

    /** {@code iface.member}. */
    @Override
    default String name() {
        return iface() + "." + member();
    }

    /**
     * Closes the transport that carried this call at once, without answering it; a resumable
     * session stays restorable (a client that reconnects gets what was pending). Meant for
     * testing reconnects.
     */
    void abortTransport();
}
