package io.tether.server.jstp.wire;

import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.OutboundEncoder;

/**
 * JSTP's {@link OutboundEncoder}: {@link Outbound} messages as the canonical mdsf text of
 * {@link JstpText}. An event's part after its id is serialized once per event instance
 * ({@link Outbound.Event#encodedOnce}), so one room message costs one serialization for all
 * members. A result that cannot be serialized answers an internal error with a ref (the
 * {@link io.tether.core.action.ErrorPolicy}).
 * Stateless; {@link #INSTANCE} serves every session.
 */
public final class JstpOutbound implements OutboundEncoder {
    /** The one instance. */
    public static final JstpOutbound INSTANCE = new JstpOutbound();

    private static final int LONGEST_PING = JstpText.ping(MIN_ID).length();

    private JstpOutbound() {
    }

    @Override
    public String originated(Outbound.Originated message, long id) {
        return switch (message) {
            case Outbound.Event e -> JstpText.event(id, e.encodedOnce(JstpOutbound::tail));
            case Outbound.Ping p -> JstpText.ping(id);
            case Outbound.Call c -> JstpText.call(id, c.iface(), c.method(), c.args());
            case Outbound.Inspect i -> JstpText.inspect(id, i.iface());
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
        } catch (Throwable e) { // also an Error (e.g. nested too deep): the call is still answered, once
            // the error policy logs the cause with a ref and answers [16, 'internal error (ref …)']
            return JstpText.callbackError(r.to(), JstpErrors.of(e, "serializing the results of call " + r.to()));
        }
    }

    @Override
    public int longestPingChars() {
        return LONGEST_PING;
    }
}
