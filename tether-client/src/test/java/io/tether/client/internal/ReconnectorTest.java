package io.tether.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoop;
import io.tether.client.Backoff;
import io.tether.client.ReconnectOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectorTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private Reconnector.Callbacks callbacks() {
        return new Reconnector.Callbacks() {
            @Override
            public void attempt(int attempt, Duration delay) {
                log.add("attempt " + attempt);
            }

            @Override
            public void succeeded(int attempt) {
                log.add("ok " + attempt);
            }

            @Override
            public void attemptFailed(int attempt, Throwable error) {
                log.add("failed " + attempt);
            }

            @Override
            public void gaveUp(Throwable lastError) {
                log.add("gave up");
            }
        };
    }

    @Test
    void retriesUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        Reconnector r = new Reconnector(loop, ReconnectOptions.of(Backoff.constant(Duration.ofMillis(5)), 0),
                () -> calls.incrementAndGet() < 3 ? CompletableFuture.failedFuture(new RuntimeException("no"))
                        : CompletableFuture.completedFuture(null), callbacks());
        loop.execute(r::start);
        await().untilAsserted(() -> assertThat(log).containsExactly("attempt 1", "failed 1", "attempt 2", "failed 2",
                "attempt 3", "ok 3"));
    }

    @Test
    void givesUpAfterTheLimit() {
        Reconnector r = new Reconnector(loop, ReconnectOptions.of(Backoff.constant(Duration.ofMillis(5)), 2),
                () -> CompletableFuture.failedFuture(new RuntimeException("no")), callbacks());
        loop.execute(r::start);
        await().untilAsserted(() -> assertThat(log).containsExactly("attempt 1", "failed 1", "attempt 2", "failed 2",
                "gave up"));
    }
}
