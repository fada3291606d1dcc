package io.tether.client.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.tether.client.ReconnectOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one component that reconnects (as Lettuce's {@code ConnectionWatchdog}): after a
 * transport loss it waits {@code backoff.delay(n)}, runs the protocol's
 * connect-and-restore step, and on failure tries again until {@code maxAttempts}. The
 * restore step is the protocol's (rejoin rooms and params, restore the JSTP session).
 * Confined to the client's event loop.
 */
public final class Reconnector {

    /** What the reconnector reports. Called on the event loop. */
    public interface Callbacks {
        /** Attempt {@code attempt} starts now after {@code delay}. */
        void attempt(int attempt, Duration delay);

        /** Connect and restore succeeded. */
        void succeeded(int attempt);

        /** One attempt failed; another one follows unless the limit is reached. */
        void attemptFailed(int attempt, Throwable error);

        /** The limit was reached; the client should fail everything and stop. */
        void gaveUp(Throwable lastError);
    }

    private final EventExecutor loop;
    private final ReconnectOptions options;
    private final Supplier<CompletableFuture<?>> connectAndRestore;
    private final Callbacks callbacks;
    private int attempt;
    private boolean running;
    private ScheduledFuture<?> scheduled;

    public Reconnector(EventExecutor loop, ReconnectOptions options, Supplier<CompletableFuture<?>> connectAndRestore,
                       Callbacks callbacks) {
        this.loop = loop;
        this.options = options;
        this.connectAndRestore = connectAndRestore;
        this.callbacks = callbacks;
    }

    /** Whether reconnection is enabled at all. */
    public boolean enabled() {
        return options.enabled();
    }

    /** Whether a reconnection cycle is in progress. */
    public boolean running() {
        return running;
    }

    /** Starts a reconnection cycle (no-op if one runs). */
    public void start() {
        if (running) {
            return;
        }
        running = true;
        attempt = 0;
        scheduleNext();
    }

    /** Stops for good (the client is closing). */
    public void stop() {
        running = false;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private void scheduleNext() {
        attempt++;
        Duration delay = options.backoff().delay(attempt);
        scheduled = loop.schedule(() -> run(delay), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run(Duration delay) {
        if (!running) {
            return;
        }
        int n = attempt;
        callbacks.attempt(n, delay);
        CompletableFuture<?> f;
        try {
            f = connectAndRestore.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((ok, err) -> loop.execute(() -> done(n, err)));
    }

    private void done(int n, Throwable err) {
        if (!running) {
            return;
        }
        if (err == null) {
            running = false;
            callbacks.succeeded(n);
            return;
        }
        callbacks.attemptFailed(n, err);
        if (options.maxAttempts() > 0 && n >= options.maxAttempts()) {
            running = false;
            callbacks.gaveUp(err);
        } else {
            scheduleNext();
        }
    }
}
