package io.tether.server.socket;

import io.tether.core.action.ActionRegistry;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RateLimitedLog;
import java.time.Duration;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * What the sticky params of every connection of one listener share: which names
 * {@code paramAdd} may store, the bounds, the refusal counters and a rate-limited log (a
 * client can send a refused {@code paramAdd} per line). Immutable apart from the counters;
 * thread-safe.
 */
final class StickyParamsPolicy {
    /**
     * Params {@code paramAdd} stores although no action declares them: the socket protocol's
     * own ({@code action}, {@code messageId}, {@code file}) and ActionHero's ({@code apiVersion},
     * {@code callback}).
     */
    static final Set<String> ALWAYS_ALLOWED = Set.of("file", "apiVersion", "callback", "action", "messageId");

    private final StickyParamLimits limits;
    private final Refusals refusals;
    private final RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(StickyParams.class),
            Duration.ofSeconds(1));

    StickyParamsPolicy(StickyParamLimits limits, Refusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    /** Whether {@code paramAdd} may store a param named {@code name}: always-allowed or a declared input. */
    static boolean mayAdd(ActionRegistry registry, String name) {
        return ALWAYS_ALLOWED.contains(name) || registry.isInputName(name);
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
