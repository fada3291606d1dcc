package io.tether.server.jstp.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Failed logins of one kind of key (remote addresses, or user names) with their refusal
 * period, in a bounded Caffeine map: an entry expires {@code window} after its last failure or
 * after its refusal period ends, whichever is later; at {@code maxTracked} entries the least
 * recently used go first. Thread-safe (updates are atomic per key).
 *
 * @param <K> key type
 */
final class FailureLedger<K> {
    /** Failures of one key; {@code delay} (0 = none) started at {@code at}, on the ticker's clock. */
    private record Failures(int count, long at, long delay) {
        long remaining(long now) {
            return delay == 0 ? 0 : Math.max(0, delay - (now - at));
        }
    }

    private final LoginLimits limits;
    private final Ticker ticker;
    private final Cache<K, Failures> failures;

    FailureLedger(LoginLimits limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
        long window = limits.window().toNanos();
        this.failures = Caffeine.newBuilder()
                .maximumSize(limits.maxTracked())
                .ticker(ticker)
                .expireAfter(Expiry.<K, Failures>writing((k, f) -> Duration.ofNanos(f.remaining(ticker.read()) + window)))
                .build();
    }

    /** Whether attempts for {@code key} are refused now. */
    boolean locked(K key) {
        Failures f = failures.getIfPresent(key);
        return f != null && f.remaining(ticker.read()) > 0;
    }

    /**
     * Counts a failure; once the count reaches {@code maxFailures} a refusal period starts
     * ({@code initialDelay}, doubled for every further failure, at most {@code maxDelay}).
     *
     * @return the refusal period started, in nanoseconds, or 0 if none
     */
    long failed(K key) {
        long now = ticker.read();
        Failures f = failures.asMap().compute(key, (k, old) -> next(old == null ? 1 : old.count + 1, now));
        return f.delay;
    }

    private Failures next(int count, long now) {
        if (count < limits.maxFailures()) {
            return new Failures(count, now, 0);
        }
        long max = limits.maxDelay().toNanos();
        long delay = limits.initialDelay().toNanos();
        for (int i = limits.maxFailures(); i < count && delay < max; i++) {
            delay *= 2;
        }
        return new Failures(count, now, Math.min(delay, max));
    }

    /** Forgets the failures of {@code key}. */
    void succeeded(K key) {
        failures.invalidate(key);
    }

    /** Keys remembered now (approximate; for tests and metrics). */
    long tracked() {
        failures.cleanUp();
        return failures.estimatedSize();
    }
}
