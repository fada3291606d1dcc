package io.tether.server.jstp;

import io.tether.core.session.SessionLink;
import io.tether.server.jstp.session.JstpSession;
import io.tether.server.jstp.wire.JstpText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSTP side of a core session, what {@code ctx.session()} does for application code: an
 * event originates through the {@link JstpSession} (sent now, or buffered while detached and
 * resent on restore), close drops the session, and its end is the session's drop unless it was
 * handed off to another node. One per JSTP session; thread-safe as the session is.
 */
final class JstpSessionLink implements SessionLink {
    private final JstpSession session;

    JstpSessionLink(JstpSession session) {
        this.session = session;
    }

    @Override
    public boolean emit(String iface, String event, List<?> args) {
        try {
            session.originate(id -> JstpText.event(id, iface, event, args));
            return true;
        } catch (RuntimeException gone) { // dropped, or dropped now for overflowing its buffer
            return false;
        }
    }

    @Override
    public void close() {
        session.drop();
    }

    @Override
    public Map<String, Object> data() {
        return session.userData();
    }

    @Override
    public String resumeToken() {
        return session.id();
    }

    @Override
    public void onEnd(Runnable hook) {
        AtomicBoolean ran = new AtomicBoolean();
        Runnable once = () -> {
            if (!session.isHandedOff() && ran.compareAndSet(false, true)) {
                hook.run();
            }
        };
        session.onDrop(once);
        if (session.isDropped()) {
            once.run();
        }
    }
}
