package io.tether.server.jstp.wire;

import io.tether.api.ErrorCode;
import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.OutboundEncoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSTP's {@link OutboundEncoder}: {@link Outbound} messages as the canonical mdsf text of
 * {@link JstpText}. An event's part after its id is serialized once per event instance
 * ({@link Outbound.Event#encodedOnce}), so one room message costs one serialization for all
 * members. A result that cannot be serialized answers {@code [16]} (internal error).
 * Stateless; {@link #INSTANCE} serves every session.
 */
public final class JstpOutbound implements OutboundEncoder {
    /** The one instance. */
    public static final JstpOutbound INSTANCE = new JstpOutbound();

    private static final Logger LOG = LoggerFactory.getLogger(JstpOutbound.class);
    private static final int LONGEST_PING = JstpText.ping(MIN_ID).length();

    private JstpOutbound() {
    }

    @Override
    public String originated(Outbound.Originated message, long id) {
        return switch (message) {
            case Outbound.Event e -> JstpText.event(id, e.encodedOnce(JstpOutbound::tail));
            case Outbound.Ping p -> JstpText.ping(id);
        };
    }

    private static String tail(Outbound.Event e) {
        return JstpText.eventTail(e.iface(), e.name(), e.args());
    }

    @Override
    public String reply(Outbound.Reply message) {
        return switch (message) {
            case Outbound.Result r -> result(r);
            case Outbound.Failure f -> JstpText.callbackError(f.to(), f.error());
            case Outbound.Pong p -> JstpText.pong(p.to());
        };
    }

    private static String result(Outbound.Result r) {
        try {
            return JstpText.callbackOk(r.to(), r.results());
        } catch (RuntimeException e) {
            LOG.warn("the results of call {} cannot be serialized: {}", r.to(), e.toString());
            return JstpText.callbackError(r.to(), List.of(ErrorCode.INTERNAL_ERROR.jstpCode()));
        }
    }

    @Override
    public int longestPingChars() {
        return LONGEST_PING;
    }
}
