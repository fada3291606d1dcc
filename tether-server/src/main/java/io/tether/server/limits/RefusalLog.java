package io.tether.server.limits;

import io.tether.core.limits.RateLimitedLog;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Counts a refusal and logs it at INFO, at most one line a second (the rest are counted on the
 * next line, see {@link RateLimitedLog}): what a listener's per-connection code uses, so a
 * client that reconnects and misbehaves in a loop cannot flood the log. One per listener;
 * thread-safe.
 */
public final class RefusalLog {
    private final Refusals refusals;
    private final RateLimitedLog log;

    /** Counts in {@code refusals}, logs to {@code log}. */
    public RefusalLog(Refusals refusals, Logger log) {
        this.refusals = refusals;
        this.log = new RateLimitedLog(log, Duration.ofSeconds(1));
    }

    /** Counts one refusal of {@code reason} and logs {@code format} (rate-limited). */
    public void refuse(Refusal reason, String format, Object... args) {
        refusals.count(reason);
        log.info(format, args);
    }
}
