package io.tether.server.jstp.app;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.ArrayList;
import java.util.List;

/**
 * An application error sent to the peer exactly as {@code [code, message, info…]}, even for
 * the standard codes 10–17 (which are otherwise sent as {@code [code]} alone). Throw it from a
 * method, or complete its future with it.
 *
 * <pre>{@code
 * if (b == 0) throw new JstpRemoteError(1, "Zero division");
 * }</pre>
 */
public final class JstpRemoteError extends TetherException {
    private static final long serialVersionUID = 1L;

    private final int jstpCode;
    private final transient List<Object> info;

    /** An error with a code and a message (null message: {@code [code]} only). */
    public JstpRemoteError(int jstpCode, String message) {
        this(jstpCode, message, List.of());
    }

    /** An error with a code, a message and extra info values. */
    public JstpRemoteError(int jstpCode, String message, List<Object> info) {
        super(ErrorCode.APPLICATION_ERROR, message == null ? "" : message);
        this.jstpCode = jstpCode;
        this.info = List.copyOf(info);
    }

    /** The numeric code on the wire. */
    public int jstpCode() {
        return jstpCode;
    }

    /** The error array as sent. */
    public List<Object> toWire() {
        List<Object> out = new ArrayList<>(2 + info.size());
        out.add(jstpCode);
        if (!getMessage().isEmpty() || !info.isEmpty()) {
            out.add(getMessage());
        }
        out.addAll(info);
        return out;
    }
}
