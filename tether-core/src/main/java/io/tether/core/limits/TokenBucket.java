package io.tether.core.limits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request
 * takes one. Kept as its equivalent "theoretical arrival time" (the generic cell rate
 * algorithm): one {@code long}, advanced by one interval per request that passes, refused when
 * it would run more than {@code burst} intervals ahead of now. O(1), no allocation per take,
 * lock-free (a compare-and-set; nothing to pin a virtual thread on). Internal to Tether's rate
 * limits ({@link RequestLimiter}).
 */
public final class TokenBucket {
    private static final VarHandle TAT;

    static {
        try {
            TAT = MethodHandles.lookup().findVarHandle(TokenBucket.class, "tat", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long interval; // nanoseconds per token
    private final long capacity; // burst × interval: how far ahead of now the arrival time may run
    @SuppressWarnings("unused") // through TAT
    private volatile long tat;

    /** A full bucket. */
    TokenBucket(RateLimit limit, long nowNanos) {
        this.interval = Math.max(1L, Math.round(1e9 / limit.perSecond()));
        this.capacity = interval * limit.burst();
        this.tat = nowNanos;
    }

    /** Takes a token if one is there; false when the bucket is empty (the request is over the rate). */
    boolean tryTake(long nowNanos) {
        while (true) {
            long current = (long) TAT.getVolatile(this);
            long next = (current - nowNanos > 0 ? current : nowNanos) + interval;
            if (next - nowNanos > capacity) {
                return false;
            }
            if (TAT.compareAndSet(this, current, next)) {
                return true;
            }
        }
    }
}
