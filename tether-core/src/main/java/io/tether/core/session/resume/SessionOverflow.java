package io.tether.core.session.resume;

import io.tether.core.limits.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs a session dropped because its buffer would exceed its limits or the node's budget. */
final class SessionOverflow {
    private static final Logger LOG = LoggerFactory.getLogger(ResumableSession.class);

    private SessionOverflow() {
    }

    static void report(ResumableSession session, Refusal why, SessionQuota quota) {
        quota.refusals().count(why);
        if (why == Refusal.SESSION_BUFFER_BUDGET) {
            LOG.info("session {} of {} dropped: the node budget of {} bytes for buffered session messages"
                    + " is spent", session, session.address(), quota.budget().limitBytes());
        } else {
            LOG.info("session {} of {} dropped: its buffer is full ({} messages, {} bytes)", session,
                    session.address(), quota.limits().maxEntries(), quota.limits().maxBytes());
        }
    }
}
