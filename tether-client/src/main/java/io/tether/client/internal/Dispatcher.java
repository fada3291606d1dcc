package io.tether.client.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs user code off the Netty event loop. Listener callbacks run one at a time in the
 * order they were posted (a serial queue over virtual threads); futures are completed on
 * their own virtual threads, so code blocking on one future inside a listener cannot
 * deadlock the client. Not part of the public API.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Queue<Runnable> listenerQueue = new ArrayDeque<>();
    private boolean draining;

    public Dispatcher(String name) {
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    /** Posts a listener callback; callbacks run in posting order, never concurrently. */
    public void listener(Runnable task) {
        lock.lock();
        try {
            listenerQueue.add(task);
            if (draining) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        run(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = listenerQueue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }

    /** Completes a future off the event loop. */
    public <T> void complete(CompletableFuture<T> future, T value) {
        run(() -> future.complete(value));
    }

    /** Fails a future off the event loop. */
    public void fail(CompletableFuture<?> future, Throwable error) {
        run(() -> future.completeExceptionally(error));
    }

    /** Runs a task on a virtual thread (e.g. a locally hosted method). */
    public void run(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
