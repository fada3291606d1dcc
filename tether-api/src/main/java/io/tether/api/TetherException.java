package io.tether.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The one unchecked exception root of Tether. Every failure that can reach a client carries
 * an {@link ErrorCode}; each protocol maps the code and the message to its wire form.
 *
 * <p><b>Error policy.</b> The message of a {@code TetherException} thrown by a handler or a
 * middleware reaches the client (socket protocol: the {@code error} text; JSTP:
 * {@code [code, message]}). Any other exception or {@link Error} is answered as
 * {@link ErrorCode#INTERNAL_ERROR} with the text {@code internal error (ref 3f9a1c2e)}; the
 * server logs the stack trace once, with the same ref. Causes and stack traces never reach
 * the wire.
 *
 * <p>An exception may also carry a protocol code and extra values for protocols with numeric
 * error codes: over JSTP it is sent exactly as {@code [protocolCode, message, info…]}
 * ({@code [protocolCode]} alone when the message is empty and there is no info):
 *
 * <pre>{@code
 * if (b == 0) throw TetherException.withProtocolCode(1, "Zero division");
 * }</pre>
 */
public class TetherException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int NONE = Integer.MIN_VALUE;

    private final ErrorCode code;
    private final int protocolCode;
    private final transient List<Object> info;

    /** Creates an exception with a code and the message a client will see. */
    public TetherException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** Creates an exception with a code, the client-visible message and a cause (kept local). */
    public TetherException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.protocolCode = NONE;
        this.info = List.of();
    }

    private TetherException(int protocolCode, String message, List<?> info) {
        super(message == null ? "" : message);
        this.code = ErrorCode.APPLICATION_ERROR;
        this.protocolCode = protocolCode;
        this.info = List.copyOf(info);
    }

    /**
     * An application error with an explicit protocol code ({@link ErrorCode#APPLICATION_ERROR}
     * for protocols without numeric codes), sent over JSTP as {@code [protocolCode, message]};
     * a null or empty message sends {@code [protocolCode]}.
     */
    public static TetherException withProtocolCode(int protocolCode, String message) {
        return new TetherException(protocolCode, message, List.of());
    }

    /** As {@link #withProtocolCode(int, String)} with extra values: {@code [protocolCode, message, info…]}. */
    public static TetherException withProtocolCode(int protocolCode, String message, List<?> info) {
        return new TetherException(protocolCode, message, info);
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The explicit protocol code, if one was given. */
    public OptionalInt protocolCode() {
        return protocolCode == NONE ? OptionalInt.empty() : OptionalInt.of(protocolCode);
    }

    /** Extra values sent after the message with an explicit protocol code (empty otherwise). */
    public List<Object> info() {
        return info == null ? List.of() : info;
    }
}
