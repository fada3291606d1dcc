package io.tether.core.limits;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.session.Session;
import java.util.function.Supplier;

/**
 * Applies the {@link RateLimits} to each request of a session, for every protocol at once (the
 * action pipeline and the room service call it). Off, {@link #admit} is one field read; on, one
 * bucket take per limit (O(1); the session's bucket is made on its first request). A refused
 * request is counted ({@link Refusal#RATE_LIMITED_SESSION} or
 * {@link Refusal#RATE_LIMITED_ADDRESS}) and answered with {@link ErrorCode#RATE_LIMITED} and the
 * text {@value #MESSAGE}. One per core; thread-safe.
 */
public final class RequestLimiter {
    /** The text of a refused request (socket reply {@code error}, JSTP {@code [32, text]}). */
    public static final String MESSAGE = "rate limit exceeded: too many requests per second";

    private final boolean enabled;
    private final boolean perSession;
    private final AddressBuckets addresses;
    private final Supplier<TokenBucket> sessionBucket;
    private final Refusals refusals;
    private final TetherException refused = new TetherException(ErrorCode.RATE_LIMITED, MESSAGE);

    /** A limiter of {@code limits}, counting its refusals in {@code refusals}. */
    public RequestLimiter(RateLimits limits, Refusals refusals) {
        this.enabled = limits.enabled();
        this.perSession = limits.perSession().enabled();
        this.addresses = limits.perAddress().enabled()
                ? new AddressBuckets(limits.perAddress(), limits.maxTrackedAddresses()) : null;
        RateLimit session = limits.perSession();
        this.sessionBucket = () -> session.newBucket(System.nanoTime());
        this.refusals = refusals;
    }

    /**
     * Takes one request of the session from its buckets: null when admitted, else the error to
     * answer (one shared instance: the request is refused, nothing is thrown).
     */
    public TetherException admit(Session session) {
        if (!enabled) {
            return null;
        }
        if (perSession && !session.bucket(sessionBucket).tryTake(System.nanoTime())) {
            refusals.count(Refusal.RATE_LIMITED_SESSION);
            return refused;
        }
        if (addresses != null && !addresses.tryTake(session.info().remoteIp())) {
            refusals.count(Refusal.RATE_LIMITED_ADDRESS);
            return refused;
        }
        return null;
    }

    /** Whether any limit is on. */
    public boolean enabled() {
        return enabled;
    }
}
