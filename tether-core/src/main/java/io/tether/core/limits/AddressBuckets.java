package io.tether.core.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.Function;

/**
 * Token buckets per remote address, shared by every connection from that address: a bounded
 * Caffeine map (at most {@code maxTracked} addresses, least recently used dropped first) whose
 * entries expire once idle for as long as a bucket takes to fill up again, when a fresh bucket
 * is the same. A take is one map lookup and one bucket update: O(1), no allocation for a known
 * address. Thread-safe.
 *
 * <pre>{@code
 * AddressBuckets handshakes = new AddressBuckets(RateLimit.of(5, 20), 100_000);
 * if (!handshakes.tryTake("203.0.113.7")) { ... refuse ... }
 * }</pre>
 */
public final class AddressBuckets {
    private static final Duration MIN_IDLE = Duration.ofSeconds(1);

    private final RateLimit limit;
    private final Cache<String, TokenBucket> buckets;
    private final Function<String, TokenBucket> maker;
    private final Ticker ticker;

    /** Buckets of {@code limit} for at most {@code maxTracked} addresses (the limit must be on). */
    public AddressBuckets(RateLimit limit, long maxTracked) {
        this(limit, maxTracked, Ticker.systemTicker());
    }

    AddressBuckets(RateLimit limit, long maxTracked, Ticker ticker) {
        if (!limit.enabled()) {
            throw new IllegalArgumentException("address buckets need a limit that is on");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be >= 1");
        }
        this.limit = limit;
        this.ticker = ticker;
        Duration idle = limit.refillTime().compareTo(MIN_IDLE) < 0 ? MIN_IDLE : limit.refillTime();
        this.buckets = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(idle).ticker(ticker)
                .executor(Runnable::run).build();
        this.maker = address -> limit.newBucket(ticker.read());
    }

    /** Takes a token of {@code address}'s bucket; false when the address is over its rate. */
    public boolean tryTake(String address) {
        return buckets.get(address == null ? "" : address, maker).tryTake(ticker.read());
    }

    /** The limit of every bucket. */
    public RateLimit limit() {
        return limit;
    }

    /** Addresses tracked now (approximate; for tests and gauges). */
    public long tracked() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
