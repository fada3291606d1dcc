package io.tether.server.socket;

import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RateLimitedLog;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * What the sticky params of every connection of one listener share: the bounds, the refusal
 * counters and a rate-limited log (a client can send a refused {@code paramAdd} per line).
 * Immutable apart from the counters; thread-safe.
 */
final class StickyParamsPolicy {
    private final StickyParamLimits limits;
    private final Refusals refusals;
    private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(StickyParams.class),
            Duration.ofSeconds(1));

    StickyParamsPolicy(StickyParamLimits limits, Refusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    StickyParamLimits limits() {
        return limits;
    }

    /** Counts and logs a refused change; returns the error text for the client. */
    String refuse(Refusal reason, String remoteIp) {
        refusals.count(reason);
        String text = switch (reason) {
            case MESSAGE_ID_TOO_LONG -> "messageId is too long (the limit is " + limits.maxMessageIdLength()
                    + " characters)";
            case STICKY_PARAMS -> "params are too large (the limit is " + limits.maxValueBytes()
                    + " bytes per value and " + limits.maxTotalBytes() + " bytes in all)";
            default -> throw new IllegalArgumentException(reason.name());
        };
        log.info("refused params from {}: {}", remoteIp, text);
        return text;
    }
}
