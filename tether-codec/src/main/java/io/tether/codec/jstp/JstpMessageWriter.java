package io.tether.codec.jstp;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.codec.mdsf.Mdsf;
import io.tether.codec.mdsf.MdsfWriter;

/**
 * Writes the canonical mdsf text of a {@link JstpMessage}: kind first, verb second, ids
 * as integers, canonical mdsf values.
 */
final class JstpMessageWriter {
    private final MdsfWriter mdsf;

    JstpMessageWriter(MdsfWriter mdsf) {
        this.mdsf = mdsf;
    }

    String write(JstpMessage message) {
        StringBuilder sb = new StringBuilder(64);
        switch (message) {
            case JstpMessage.HandshakeRequest m -> {
                head(sb, "handshake", m.id()).append(',');
                mdsf.writeValue(sb, m.app());
                if (m.version() != null) {
                    sb.append(',');
                    mdsf.writeValue(sb, m.version());
                }
                sb.append(']');
                verb(sb, m.strategy(), m.credentials());
            }
            case JstpMessage.HandshakeReply m -> {
                head(sb, "handshake", 0).append(']');
                status(sb, m.ok(), m.error());
            }
            case JstpMessage.Call m -> target(sb, "call", m.id(), m.iface()).verb(sb, m.method(), m.args());
            case JstpMessage.Callback m -> {
                head(sb, "callback", m.id()).append(']');
                status(sb, m.ok(), m.error());
            }
            case JstpMessage.Event m -> target(sb, "event", m.id(), m.iface()).verb(sb, m.event(), m.args());
            case JstpMessage.Inspect m -> target(sb, "inspect", m.id(), m.iface());
            case JstpMessage.Ping m -> head(sb, "ping", m.id()).append(']');
            case JstpMessage.Pong m -> head(sb, "pong", m.id()).append(']');
            case JstpMessage.Heartbeat m -> {
                return "{}";
            }
            case JstpMessage.Unknown m -> throw new TetherException(ErrorCode.INTERNAL_ERROR,
                    "cannot serialize a message of unknown kind " + m.kind());
        }
        return sb.append('}').toString();
    }

    private static StringBuilder head(StringBuilder sb, String kind, long id) {
        return sb.append('{').append(kind).append(":[").append(id);
    }

    private JstpMessageWriter target(StringBuilder sb, String kind, long id, String iface) {
        head(sb, kind, id).append(',');
        mdsf.writeValue(sb, iface);
        sb.append(']');
        return this;
    }

    private void status(StringBuilder sb, Object ok, Object error) {
        if (error != null) {
            verb(sb, "error", error);
        } else if (ok != null) {
            verb(sb, "ok", ok);
        }
    }

    private void verb(StringBuilder sb, String key, Object value) {
        if (key == null || value == Mdsf.UNDEFINED) {
            return;
        }
        sb.append(',');
        mdsf.writeKey(sb, key);
        sb.append(':');
        mdsf.writeValue(sb, value);
    }
}
