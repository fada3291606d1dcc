package io.tether.server.flow;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.tether.api.Action;
import io.tether.api.Formatter;
import io.tether.api.Input;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Actions and helpers shared by the outbound-policy and I/O-error tests. */
final class FlowTestSupport {
    private FlowTestSupport() {
    }

    /** A blocking action (runs on a worker) whose reply carries {@code size} bytes. */
    static Action blob() {
        return Action.named("blob")
                .input(Input.named("size").defaultValue(65_536L).formatter(Formatter.toInteger()))
                .handler(ctx -> Map.of("blob", "x".repeat(ctx.params().integer("size").intValue())))
                .build();
    }

    /** A blocking action answering a small random number. */
    static Action randomNumber() {
        return Action.named("randomNumber")
                .handler(ctx -> Map.of("randomNumber", ThreadLocalRandom.current().nextDouble()))
                .build();
    }

    /**
     * A non-blocking action (it runs on the I/O thread) that throws an {@link Error} which
     * cannot even be logged: what an {@code OutOfMemoryError} does on a heap that is full.
     */
    static Action hostileError() {
        return Action.named("hostileError").handler(ctx -> {
            throw new UnloggableError();
        }).nonBlocking().build();
    }

    /**
     * A non-blocking action that leaves a task throwing such an error on its I/O thread's task
     * queue: what an {@code OutOfMemoryError} raised by any task on a full heap does.
     */
    static Action loopTaskError() {
        return Action.named("loopTaskError").handler(ctx -> {
            io.netty.util.internal.ThreadExecutorMap.currentExecutor().execute(() -> {
                throw new UnloggableError();
            });
            return Map.of("queued", true);
        }).nonBlocking().build();
    }

    /** Bytes of buffers the default allocator hands out now (heap and direct), or -1 if unknown. */
    static long allocatorBytes() {
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider p) {
            return p.metric().usedHeapMemory() + p.metric().usedDirectMemory();
        }
        return -1;
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    /**
     * An error whose every description throws another one, like an {@code OutOfMemoryError}
     * on a full heap: each catch block that tries to log it fails in turn.
     */
    static final class UnloggableError extends OutOfMemoryError {
        UnloggableError() {
            super("test");
        }

        @Override
        public String getMessage() {
            throw new UnloggableError();
        }

        @Override
        public String getLocalizedMessage() {
            throw new UnloggableError();
        }

        @Override
        public String toString() {
            throw new UnloggableError();
        }
    }
}
