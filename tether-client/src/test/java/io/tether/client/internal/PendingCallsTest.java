package io.tether.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import io.tether.client.ClientTimeoutException;
import io.tether.client.ConnectionLostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingCallsTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final Dispatcher dispatcher = new Dispatcher("test");
    private final List<String> timeouts = new CopyOnWriteArrayList<>();
    private final PendingCalls<Long, String> calls = new PendingCalls<>(loop, dispatcher, timeouts::add);

    @AfterEach
    void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        dispatcher.close();
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> task) throws Exception {
        return loop.submit(task).get(1, TimeUnit.SECONDS);
    }

    @Test
    void completesOnceAndIgnoresUnknownKeys() throws Exception {
        CompletableFuture<String> f = onLoop(() -> calls.register(1L, "call 1", Duration.ofSeconds(5),
                new CompletableFuture<>()));
        assertThat(onLoop(() -> calls.complete(1L, "ok"))).isTrue();
        assertThat(onLoop(() -> calls.complete(1L, "again"))).isFalse();
        assertThat(onLoop(() -> calls.complete(7L, "stray"))).isFalse();
        assertThat(f.get(1, TimeUnit.SECONDS)).isEqualTo("ok");
        assertThat(onLoop(calls::size)).isZero();
    }

    @Test
    void deadlineFailsTheCallAndReportsIt() throws Exception {
        CompletableFuture<String> f = onLoop(() -> calls.register(1L, "call 1", Duration.ofMillis(30),
                new CompletableFuture<>()));
        assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientTimeoutException.class);
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(timeouts).containsExactly("call 1"));
        assertThat(onLoop(() -> calls.complete(1L, "late"))).isFalse();
    }

    @Test
    void failWhereAndFailAllLeaveNothingBehind() throws Exception {
        CompletableFuture<String> a = onLoop(() -> calls.register(1L, "a", Duration.ofSeconds(5), new CompletableFuture<>()));
        CompletableFuture<String> b = onLoop(() -> calls.register(5L, "b", Duration.ofSeconds(5), new CompletableFuture<>()));
        assertThat(onLoop(() -> calls.failWhere(k -> k <= 3, new ConnectionLostException("x")))).isEqualTo(1);
        assertThatThrownBy(() -> a.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectionLostException.class);
        assertThat(b).isNotDone();
        assertThat(onLoop(() -> calls.failAll(new ConnectionLostException("y")))).isEqualTo(1);
        assertThatThrownBy(() -> b.get(1, TimeUnit.SECONDS)).hasMessageContaining("y");
        assertThat(onLoop(calls::size)).isZero();
    }
}
