package io.tether.server.jstp;

import io.netty.handler.codec.TooLongFrameException;
import io.tether.codec.mdsf.MdsfLimitException;
import io.tether.core.limits.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs the inbound failures of a JSTP connection that are refusals by a bound
 * rather than broken input: a frame over the message or pre-handshake cap
 * ({@link Refusal#MESSAGE_TOO_LARGE}) and a message over the parser's element or
 * number-literal budget ({@link Refusal#PARSE_BUDGET}). The connection is closed by the
 * caller either way, as for any syntax error.
 */
final class JstpInboundRefusals {
    private static final Logger LOG = LoggerFactory.getLogger(JstpInboundRefusals.class);

    private JstpInboundRefusals() {
    }

    /** Counts {@code cause} if it is a refusal by a bound; {@code established}: the handshake had succeeded. */
    static void count(JstpServices services, JstpChannelConnection conn, Throwable cause, boolean established) {
        if (cause instanceof TooLongFrameException) {
            services.core().refusals().count(Refusal.MESSAGE_TOO_LARGE);
            String bound = established ? "max-message-bytes " + services.options().maxMessageBytes()
                    : "max-handshake-bytes " + services.options().effectiveMaxHandshakeBytes();
            LOG.info("jstp {}: message over {}, closing", conn.remoteAddress(), bound);
        } else if (cause.getCause() instanceof MdsfLimitException limit) {
            services.core().refusals().count(Refusal.PARSE_BUDGET);
            LOG.info("jstp {}: message over the parser budget ({}), closing", conn.remoteAddress(), limit.getMessage());
        }
    }
}
