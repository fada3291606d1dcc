package io.tether.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopsTest {
    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Test
    void runOnTheLoopRunsInlineBeforeReturning() throws Exception {
        List<String> order = new ArrayList<>();
        loop.submit(() -> {
            order.add("before");
            assertThat(EventLoops.run(loop, () -> order.add("task"))).isTrue();
            order.add("after");
        }).get(5, TimeUnit.SECONDS);
        assertThat(order).containsExactly("before", "task", "after");
    }

    @Test
    void laterOnTheLoopQueuesBehindTheCurrentTask() throws Exception {
        List<String> order = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> {
            order.add("before");
            assertThat(EventLoops.later(loop, () -> {
                order.add("task");
                done.countDown();
            })).isTrue();
            order.add("after");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("before", "after", "task");
    }

    @Test
    void fromAnotherThreadTheTaskIsQueuedOnTheLoop() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(2);
        assertThat(EventLoops.run(loop, () -> {
            ranOn.set(Thread.currentThread());
            done.countDown();
        })).isTrue();
        assertThat(EventLoops.later(loop, done::countDown)).isTrue();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(loop.submit(() -> Thread.currentThread()).get(5, TimeUnit.SECONDS)).isSameAs(ranOn.get());
    }

    @Test
    void aLoopThatShutDownDropsTheTaskWithoutThrowing() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        CompletableFuture<Void> ran = new CompletableFuture<>();
        assertThat(EventLoops.run(loop, () -> ran.complete(null))).isFalse();
        assertThat(EventLoops.later(loop, () -> ran.complete(null))).isFalse();
        assertThat(ran).isNotDone();
    }

    @Test
    void aPlainExecutorIsNeverTreatedAsTheCurrentLoop() {
        List<Runnable> queued = new ArrayList<>();
        Executor plain = queued::add;
        assertThat(EventLoops.run(plain, () -> { })).isTrue();
        assertThat(queued).hasSize(1);
        Executor refusing = task -> {
            throw new RejectedExecutionException("stopped");
        };
        assertThat(EventLoops.run(refusing, () -> { })).isFalse();
    }
}
