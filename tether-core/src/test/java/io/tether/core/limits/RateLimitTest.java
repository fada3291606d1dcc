package io.tether.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.tether.api.ErrorCode;
import io.tether.core.session.Session;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets, per-address buckets (bounded, expiring) and the request limiter, on a fake clock. */
class RateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;

    @Test
    void aBucketAllowsItsBurstThenRefillsAtItsRate() {
        TokenBucket b = RateLimit.of(2, 3).newBucket(now.get());
        assertThat(b.tryTake(now.get())).isTrue();
        assertThat(b.tryTake(now.get())).isTrue();
        assertThat(b.tryTake(now.get())).isTrue();
        assertThat(b.tryTake(now.get())).isFalse();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(499));
        assertThat(b.tryTake(now.get())).isFalse(); // 0.998 of a token
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(b.tryTake(now.get())).isTrue();
        assertThat(b.tryTake(now.get())).isFalse();
        now.addAndGet(TimeUnit.HOURS.toNanos(1)); // refills up to the burst, not beyond
        for (int i = 0; i < 3; i++) {
            assertThat(b.tryTake(now.get())).isTrue();
        }
        assertThat(b.tryTake(now.get())).isFalse();
    }

    @Test
    void limitsAreValidated() {
        assertThat(RateLimit.of(0, 0)).isEqualTo(RateLimit.OFF);
        assertThat(RateLimit.OFF.enabled()).isFalse();
        assertThatThrownBy(() -> RateLimit.of(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressBuckets(RateLimit.OFF, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addressesHaveTheirOwnBucketsAndIdleOnesAreForgotten() {
        AddressBuckets buckets = new AddressBuckets(RateLimit.of(1, 2), 100, ticker);
        assertThat(buckets.tryTake("10.0.0.1")).isTrue();
        assertThat(buckets.tryTake("10.0.0.1")).isTrue();
        assertThat(buckets.tryTake("10.0.0.1")).isFalse();
        assertThat(buckets.tryTake("10.0.0.2")).isTrue();
        assertThat(buckets.tracked()).isEqualTo(2);
        now.addAndGet(TimeUnit.SECONDS.toNanos(3)); // idle longer than a refill: forgotten
        assertThat(buckets.tracked()).isZero();
        assertThat(buckets.tryTake("10.0.0.1")).isTrue();
    }

    @Test
    void theAddressMapIsBounded() {
        AddressBuckets buckets = new AddressBuckets(RateLimit.of(1, 1), 50, ticker);
        for (int i = 0; i < 1000; i++) {
            buckets.tryTake("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(buckets.tracked()).isLessThanOrEqualTo(50);
    }

    @Test
    void anOffLimiterAdmitsEverythingAndMakesNoBucket() {
        Refusals refusals = new Refusals();
        RequestLimiter off = new RequestLimiter(RateLimits.defaults(), refusals);
        Session s = Session.open("socket", "10.0.0.1", 1, m -> { });
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.admit(s)).isNull();
        }
        assertThat(s.bucket(() -> null)).isNull(); // none was made
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void aSessionOverItsRateIsRefusedAndCountedAndAnotherIsNot() {
        Refusals refusals = new Refusals();
        RequestLimiter limiter = new RequestLimiter(RateLimits.builder().perSession(RateLimit.of(0.001, 2)).build(),
                refusals);
        Session greedy = Session.open("socket", "10.0.0.1", 1, m -> { });
        Session other = Session.open("jstp", "10.0.0.1", 2, m -> { });
        assertThat(limiter.admit(greedy)).isNull();
        assertThat(limiter.admit(greedy)).isNull();
        assertThat(limiter.admit(greedy)).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.getMessage()).isEqualTo(RequestLimiter.MESSAGE);
        });
        assertThat(limiter.admit(other)).isNull();
        assertThat(refusals.get(Refusal.RATE_LIMITED_SESSION)).isEqualTo(1);
    }

    @Test
    void theAddressLimitIsSharedBySessionsOfOneAddress() {
        Refusals refusals = new Refusals();
        RequestLimiter limiter = new RequestLimiter(RateLimits.builder().perAddress(RateLimit.of(0.001, 3)).build(),
                refusals);
        Session a = Session.open("socket", "10.0.0.1", 1, m -> { });
        Session b = Session.open("jstp", "10.0.0.1", 2, m -> { });
        Session c = Session.open("socket", "10.0.0.2", 3, m -> { });
        assertThat(limiter.admit(a)).isNull();
        assertThat(limiter.admit(b)).isNull();
        assertThat(limiter.admit(a)).isNull();
        assertThat(limiter.admit(b)).isNotNull();
        assertThat(limiter.admit(c)).isNull();
        assertThat(refusals.get(Refusal.RATE_LIMITED_ADDRESS)).isEqualTo(1);
    }
}
