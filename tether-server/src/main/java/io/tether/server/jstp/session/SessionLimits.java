package io.tether.server.jstp.session;

/**
 * Bounds of one session's resend buffer (originated messages not yet acknowledged plus
 * callbacks held while detached). A session that would exceed either bound is dropped and
 * its transport closed rather than growing without limit.
 *
 * @param maxEntries total buffered messages
 * @param maxBytes   total characters of buffered message text (≈ bytes for ASCII)
 */
public record SessionLimits(int maxEntries, long maxBytes) {
    /** Validates the bounds. */
    public SessionLimits {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }

    /**
     * 1,000 messages, 1 MiB: a client that is further behind than that will not catch up; the
     * node-wide {@link SessionBudget} (64 MiB by default) then holds 64 such sessions at most.
     */
    public static SessionLimits defaults() {
        return new SessionLimits(1_000, 1024L * 1024);
    }
}
