package io.tether.client.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ClientTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The table of calls waiting for a reply, keyed by correlation key, each with a deadline.
 * Confined to one event loop (every method must be called on it), so it needs no locks.
 * A call leaves the table exactly once: completed, failed, timed out or failed in bulk.
 * Futures are completed through the {@link Dispatcher}, never on the event loop.
 *
 * @param <K> correlation key (messageId, line number, JSTP id)
 * @param <V> reply type
 */
public final class PendingCalls<K, V> {

    /** One waiting call. */
    public record Pending<V>(CompletableFuture<V> future, String description, ScheduledFuture<?> deadline) {
    }

    private final EventExecutor loop;
    private final Dispatcher dispatcher;
    private final Map<K, Pending<V>> calls = new LinkedHashMap<>();
    private final Consumer<String> onTimeout;

    public PendingCalls(EventExecutor loop, Dispatcher dispatcher, Consumer<String> onTimeout) {
        this.loop = loop;
        this.dispatcher = dispatcher;
        this.onTimeout = onTimeout;
    }

    /** Registers a call under {@code key} with a deadline and returns its future. */
    public CompletableFuture<V> register(K key, String description, Duration timeout, CompletableFuture<V> future) {
        assert loop.inEventLoop();
        ScheduledFuture<?> deadline = loop.schedule(() -> expire(key), timeout.toNanos(), TimeUnit.NANOSECONDS);
        calls.put(key, new Pending<>(future, description, deadline));
        return future;
    }

    private void expire(K key) {
        Pending<V> p = calls.remove(key);
        if (p != null) {
            dispatcher.fail(p.future(), new ClientTimeoutException("no reply to " + p.description() + " in time"));
            onTimeout.accept(p.description());
        }
    }

    /** Whether a call with that key is waiting. */
    public boolean contains(K key) {
        return calls.containsKey(key);
    }

    /** Completes the call; false if there was none (unknown or already expired). */
    public boolean complete(K key, V value) {
        Pending<V> p = remove(key);
        if (p == null) {
            return false;
        }
        dispatcher.complete(p.future(), value);
        return true;
    }

    /** Fails the call; false if there was none. */
    public boolean fail(K key, Throwable error) {
        Pending<V> p = remove(key);
        if (p == null) {
            return false;
        }
        dispatcher.fail(p.future(), error);
        return true;
    }

    /** Fails every call whose key matches; returns how many. */
    public int failWhere(Predicate<K> which, Throwable error) {
        List<K> keys = new ArrayList<>();
        for (K k : calls.keySet()) {
            if (which.test(k)) {
                keys.add(k);
            }
        }
        keys.forEach(k -> fail(k, error));
        return keys.size();
    }

    /** Fails every waiting call. */
    public int failAll(Throwable error) {
        return failWhere(k -> true, error);
    }

    /** Number of waiting calls. */
    public int size() {
        return calls.size();
    }

    private Pending<V> remove(K key) {
        assert loop.inEventLoop();
        Pending<V> p = calls.remove(key);
        if (p != null) {
            p.deadline().cancel(false);
        }
        return p;
    }
}
