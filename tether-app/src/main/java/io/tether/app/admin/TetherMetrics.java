package io.tether.app.admin;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketProtocolServer;
import java.util.function.BooleanSupplier;

/**
 * The server's Prometheus registry. Gauges read live state when scraped (open connections
 * per listener, stored JSTP sessions, readiness); the per-action meters (runs, latency, validation
 * failures, unknown actions) are fed by {@link #actionMeter()}, one call per action run. Micrometer's JVM (memory, GC pauses, heap pressure, threads,
 * classes, JVM info), process (CPU, uptime, open files) and Netty allocator meters are bound
 * from the start; {@link #close()} releases the GC listeners.
 *
 * <pre>{@code
 * TetherMetrics metrics = new TetherMetrics();
 * coreBuilder.actionMeter(metrics.actionMeter());
 * metrics.bind(socketServer);  // after the listeners exist
 * String text = metrics.scrape();
 * }</pre>
 */
public final class TetherMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
    private final ActionTimers actions;

    /** A registry with the JVM, process and Netty allocator meters bound. */
    public TetherMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        heapPressure.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider allocator) {
            new NettyAllocatorMetrics(allocator).bindTo(registry);
        }
        ActionDurations durations = new ActionDurations(ActionTimers.BUCKETS);
        registry.getPrometheusRegistry().register(durations);
        actions = new ActionTimers(registry, durations);
    }

    /**
     * The action meter (runs by action and outcome, latency by action and outcome, validation
     * failures, unknown actions); give it to {@code TetherCore.Builder.actionMeter}. The same
     * meter on every call: one core per registry.
     */
    public io.tether.core.action.ActionMeter actionMeter() {
        return actions;
    }

    /** Open connections of a socket listener. */
    public void bind(SocketProtocolServer listener) {
        Gauge.builder("tether.connections", listener, SocketProtocolServer::connectionCount)
                .description("Open connections").tag("listener", listener.name()).register(registry);
        bindTls(listener);
    }

    /**
     * Certificate reloads of a TLS listener ({@code tether_tls_reloads_total{listener,result="ok"|"failed"}});
     * a failed one kept the previous certificate.
     */
    private void bindTls(io.tether.server.ProtocolServer listener) {
        listener.tls().ifPresent(tls -> {
            FunctionCounter.builder("tether.tls.reloads", tls, io.tether.server.tls.TlsContextProvider::reloads)
                    .description("TLS certificate reloads (file change or SIGHUP)").tag("listener", listener.name())
                    .tag("result", "ok").register(registry);
            FunctionCounter.builder("tether.tls.reloads", tls, io.tether.server.tls.TlsContextProvider::failedReloads)
                    .description("TLS certificate reloads (file change or SIGHUP)").tag("listener", listener.name())
                    .tag("result", "failed").register(registry);
        });
    }

    /** Open connections and stored sessions of a JSTP listener. */
    public void bind(JstpProtocolServer listener) {
        Gauge.builder("tether.connections", listener, JstpProtocolServer::connectionCount)
                .description("Open connections").tag("listener", listener.name()).register(registry);
        Gauge.builder("tether.jstp.sessions", listener, l -> l.sessions().size())
                .description("JSTP sessions held by the session store").tag("listener", listener.name())
                .register(registry);
        Gauge.builder("tether.jstp.sessions.detached", listener, l -> l.sessions().quota().detachedCount())
                .description("JSTP sessions without a connection, kept restorable (bounded by max-detached-sessions)")
                .tag("listener", listener.name()).register(registry);
        FunctionCounter.builder("tether.jstp.restores", listener, JstpProtocolServer::sessionsRestored)
                .description("JSTP session restore requests by result").tag("listener", listener.name())
                .tag("result", "ok").register(registry);
        FunctionCounter.builder("tether.jstp.restores", listener, JstpProtocolServer::sessionRestoresFailed)
                .description("JSTP session restore requests by result").tag("listener", listener.name())
                .tag("result", "failed").register(registry);
        Gauge.builder("tether.jstp.logins.waiting", listener, JstpProtocolServer::waitingLogins)
                .description("Logins waiting for a password-hashing thread (bounded by login.queue)")
                .tag("listener", listener.name()).register(registry);
        Gauge.builder("tether.jstp.session.buffer", listener, l -> l.sessions().quota().budget().usedBytes())
                .description("Bytes of buffered session messages (bounded by session-buffer-budget)")
                .baseUnit("bytes").tag("listener", listener.name()).register(registry);
        bindTls(listener);
    }

    /** Refusals by reason ({@code tether_refusals_total{reason="slow_consumer"}}, …), read when scraped. */
    public void bindRefusals(Refusals refusals) {
        for (Refusal r : Refusal.values()) {
            FunctionCounter.builder("tether.refusals", refusals, c -> c.get(r))
                    .description("Clients refused, throttled or cut off by a bound").tag("reason", r.metricName())
                    .register(registry);
        }
    }

    /** Readiness as a 0/1 gauge. */
    public void bindReadiness(BooleanSupplier ready) {
        Gauge.builder("tether.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when the node can serve everything (cluster reachable)").register(registry);
    }

    /** Stops the GC and heap-pressure listeners. */
    @Override
    public void close() {
        gc.close();
        heapPressure.close();
    }

    /** The Prometheus text exposition of every meter (may block briefly: call off event loops). */
    public String scrape() {
        return registry.scrape();
    }
}
