package io.tether.app.admin;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tether.api.ActionMiddleware;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketProtocolServer;
import java.util.function.BooleanSupplier;

/**
 * The server's Prometheus registry. Gauges read live state when scraped (open connections
 * per listener, stored JSTP sessions, readiness); the action counter is fed by
 * {@link #actionMiddleware()}.
 *
 * <pre>{@code
 * TetherMetrics metrics = new TetherMetrics();
 * coreBuilder.middleware(metrics.actionMiddleware());
 * metrics.bind(socketServer);  // after the listeners exist
 * String text = metrics.scrape();
 * }</pre>
 */
public final class TetherMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** The middleware that counts action runs; add it to the core builder. */
    public ActionMiddleware actionMiddleware() {
        return new ActionMetrics(registry);
    }

    /** Open connections of a socket listener. */
    public void bind(SocketProtocolServer listener) {
        Gauge.builder("tether.connections", listener, SocketProtocolServer::connectionCount)
                .description("Open connections").tag("listener", listener.name()).register(registry);
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
        Gauge.builder("tether.jstp.logins.waiting", listener, JstpProtocolServer::waitingLogins)
                .description("Logins waiting for a password-hashing thread (bounded by login.queue)")
                .tag("listener", listener.name()).register(registry);
        Gauge.builder("tether.jstp.session.buffer", listener, l -> l.sessions().quota().budget().usedBytes())
                .description("Bytes of buffered session messages (bounded by session-buffer-budget)")
                .baseUnit("bytes").tag("listener", listener.name()).register(registry);
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

    /** The Prometheus text exposition of every meter (may block briefly: call off event loops). */
    public String scrape() {
        return registry.scrape();
    }
}
