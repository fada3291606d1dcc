package io.tether.server.jstp;

import io.netty.handler.codec.TooLongFrameException;
import io.tether.codec.mdsf.MdsfLimitException;
import io.tether.core.limits.Refusal;

/**
 * Counts and logs (rate-limited, through the listener's {@link io.tether.server.limits.RefusalLog}) the inbound failures of a JSTP connection that are refusals by a bound
 * rather than broken input: a frame over the message or pre-handshake cap
 * ({@link Refusal#MESSAGE_TOO_LARGE}) and a message over the parser's element or
 * number-literal budget ({@link Refusal#PARSE_BUDGET}). The connection is closed by the
 * caller either way, as for any syntax error.
 */
final class JstpInboundRefusals {
    private JstpInboundRefusals() {
    }

    /** Counts {@code cause} if it is a refusal by a bound; {@code established}: the handshake had succeeded. */
    static void count(JstpServices services, JstpChannelConnection conn, Throwable cause, boolean established) {
        if (cause instanceof TooLongFrameException) {
            String bound = established ? "max-message-bytes " + services.options().maxMessageBytes()
                    : "max-handshake-bytes " + services.options().effectiveMaxHandshakeBytes();
            services.refusals().refuse(Refusal.MESSAGE_TOO_LARGE, "jstp {}: message over {}, closing",
                    conn.remoteAddress(), bound);
        } else if (cause.getCause() instanceof MdsfLimitException limit) {
            services.refusals().refuse(Refusal.PARSE_BUDGET, "jstp {}: message over the parser budget ({}), closing",
                    conn.remoteAddress(), limit.getMessage());
        }
    }
}
