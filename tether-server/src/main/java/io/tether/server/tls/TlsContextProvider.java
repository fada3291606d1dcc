package io.tether.server.tls;

import io.netty.handler.ssl.SslContext;
import io.tether.api.TetherException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current TLS context of one listener, the one provider every TLS listener (socket, JSTP,
 * HTTP) uses. Made at startup from {@link TlsOptions} (a bad file fails the start with a
 * {@link io.tether.api.ErrorCode#CONFIGURATION_ERROR}); {@link #reload()} reads the files again
 * and installs the new context for connections accepted from then on, while established ones
 * keep theirs. A reload that fails (a broken or half-written file) logs an error, counts
 * {@link #failedReloads()} and keeps the old context. {@link #watch} checks the files every
 * {@link TlsOptions#reloadCheckInterval()} and reloads once a change has been stable for one
 * interval (so a certificate and a key written one after the other are read together).
 *
 * <p>Thread-safe: {@link #current()} is one volatile read (called on event loops for each new
 * connection); reloads read files and must run off the event loops (the watch runs its check on
 * the timer and the reload on the given executor).
 *
 * <pre>{@code
 * TlsContextProvider tls = TlsContextProvider.create("socket", options.tls());
 * tls.watch(core.timer(), core.workers());
 * ProtocolPipeline.builder(guard, channels).tls(tls) ...
 * // SIGHUP: tls.reload();  shutdown: tls.close();
 * }</pre>
 */
public final class TlsContextProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContextProvider.class);

    private final String listener;
    private final TlsOptions options;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private volatile Loaded loaded;
    private volatile TlsFileStamps seen; // files as the last check saw them, while they differ from loaded
    private volatile TlsFileStamps failed; // files a watch reload failed on: not retried until they change
    private volatile ScheduledFuture<?> watch;

    private record Loaded(SslContext context, TlsFileStamps files) {
    }

    private TlsContextProvider(String listener, TlsOptions options) {
        this.listener = listener;
        this.options = options;
        this.loaded = load();
    }

    /**
     * The provider of listener {@code listener} with its first context, or null when
     * {@code options} has TLS disabled.
     *
     * @throws TetherException {@code CONFIGURATION_ERROR} naming the file or setting at fault
     */
    public static TlsContextProvider create(String listener, TlsOptions options) {
        Objects.requireNonNull(options, "options");
        return options.enabled() ? new TlsContextProvider(Objects.requireNonNull(listener, "listener"), options) : null;
    }

    private Loaded load() {
        TlsFileStamps before = TlsFileStamps.of(options.files()); // a change while reading is seen next check
        return new Loaded(TlsContextFactory.serverContext(options), before);
    }

    /** The options the contexts are made from. */
    public TlsOptions options() {
        return options;
    }

    /** The context for a connection accepted now. */
    public SslContext current() {
        return loaded.context;
    }

    /**
     * Reads the files again and installs the new context for new connections; on failure logs
     * an error naming the file, keeps the current context and returns false. Blocks on file
     * I/O: never call it on an event loop.
     */
    public boolean reload() {
        try {
            loaded = load();
            reloads.incrementAndGet();
            LOG.info("listener {}: TLS certificate reloaded from {}; new connections use it", listener,
                    options.files());
            return true;
        } catch (RuntimeException e) { // TetherException: a file or setting at fault
            failures.incrementAndGet();
            LOG.error("listener {}: TLS reload failed, keeping the previous certificate: {}", listener,
                    e.getMessage());
            return false;
        }
    }

    /**
     * Checks the files every {@link TlsOptions#reloadCheckInterval()} on {@code timer} and
     * reloads on {@code executor} once a change has been stable for one interval; nothing when
     * the interval is zero. Stopped by {@link #close()}.
     */
    public void watch(ScheduledExecutorService timer, Executor executor) {
        Duration every = options.reloadCheckInterval();
        if (every.isZero() || watch != null) {
            return;
        }
        long nanos = every.toNanos();
        watch = timer.scheduleWithFixedDelay(() -> check(executor), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private void check(Executor executor) {
        try {
            TlsFileStamps now = TlsFileStamps.of(options.files());
            if (now.equals(loaded.files) || now.equals(failed)) {
                seen = null;
                return;
            }
            if (!now.equals(seen)) {
                seen = now; // changed since the last check: wait until it stops changing
                return;
            }
            if (reloading.compareAndSet(false, true)) {
                executor.execute(() -> {
                    try {
                        if (!reload()) {
                            failed = now;
                        }
                    } finally {
                        reloading.set(false);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("listener {}: TLS file check failed: {}", listener, e.toString());
            reloading.set(false);
        }
    }

    /** Reloads that installed a new context (by the watch or {@link #reload()}). */
    public long reloads() {
        return reloads.get();
    }

    /** Reloads that failed and kept the previous context. */
    public long failedReloads() {
        return failures.get();
    }

    /** Stops the file checks; the current context stays usable. */
    @Override
    public void close() {
        ScheduledFuture<?> w = watch;
        if (w != null) {
            w.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "TlsContextProvider[" + listener + ", " + options.files() + "]";
    }
}
