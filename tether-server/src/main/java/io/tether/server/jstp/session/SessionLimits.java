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

    /** 10,000 messages, 64 MiB. */
    public static SessionLimits defaults() {
        return new SessionLimits(10_000, 64L * 1024 * 1024);
    }
}
