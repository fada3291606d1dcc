package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.limits.RateLimit;
import io.tether.core.limits.RateLimits;

/** Maps {@code tether.rate-limit} to {@link RateLimits}, and one {@code {per-second, burst}} block to a {@link RateLimit}. */
final class RateLimitSettings {
    private static final String PATH = "tether.rate-limit";

    private RateLimitSettings() {
    }

    static RateLimits from(Config limits) {
        long tracked = limits.getLong("max-tracked-addresses");
        if (tracked < 1) {
            throw error(PATH + ".max-tracked-addresses must be at least 1, was " + tracked);
        }
        return RateLimits.builder()
                .perSession(limit(limits.getConfig("session"), PATH + ".session"))
                .perAddress(limit(limits.getConfig("address"), PATH + ".address"))
                .maxTrackedAddresses(tracked)
                .build();
    }

    /** A {@code {per-second, burst}} block: per-second 0 is off; otherwise burst must be at least 1. */
    static RateLimit limit(Config block, String path) {
        double perSecond = block.getDouble("per-second");
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw error(path + ".per-second must be 0 (off) or more, was " + block.getValue("per-second").unwrapped());
        }
        int burst = block.getInt("burst");
        if (perSecond > 0 && burst < 1) {
            throw error(path + ".burst must be at least 1, was " + burst);
        }
        return RateLimit.of(perSecond, Math.max(burst, 0));
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
