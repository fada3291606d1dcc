package io.tether.server.limits;

import io.tether.core.limits.RateLimitedLog;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.server.PeerAddress;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The connection bounds of one listener, used by its
 * {@link io.tether.server.pipeline.ProtocolPipeline} (socket and JSTP alike): admits
 * or refuses each accepted channel (per listener and per remote address, counted until the
 * channel closes; an address's entry goes away when its count drops to 0), and adds the
 * bounded TLS stage and the idle-timeout stage to a pipeline. One per listener; thread-safe
 * (channels of every event loop are admitted and released concurrently).
 *
 * <pre>{@code
 * // what ProtocolPipeline.initChannel does with it
 * protected void initChannel(Channel ch) {
 *     if (!guard.admit(ch)) {
 *         return; // closed at once: no TLS handshake, no welcome
 *     }
 *     guard.addTls(ch.pipeline(), sslContext);
 *     guard.addIdleTimeout(ch.pipeline());
 *     ...
 * }
 * }</pre>
 */
public final class ConnectionGuard {
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(1);

    private final String listener;
    private final ConnectionLimits limits;
    private final Refusals refusals;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    private final RateLimitedLog refusedLog;
    private final RateLimitedLog timeoutLog;
    private final TlsHandshakeTimeouts tlsTimeouts;

    /** The guard of listener {@code listener}, counting refusals in {@code refusals}. */
    public ConnectionGuard(String listener, ConnectionLimits limits, Refusals refusals) {
        this.listener = listener;
        this.limits = limits;
        this.refusals = refusals;
        this.refusedLog = new RateLimitedLog(LoggerFactory.getLogger(ConnectionGuard.class), LOG_INTERVAL);
        this.timeoutLog = new RateLimitedLog(LoggerFactory.getLogger(IdleTimeoutHandler.class), LOG_INTERVAL);
        this.tlsTimeouts = new TlsHandshakeTimeouts(this);
    }

    /** The bounds applied. */
    public ConnectionLimits limits() {
        return limits;
    }

    /**
     * Admits {@code ch} (counted until it closes), or closes it at once and returns false when
     * the listener or its remote address is at its limit. Call first in {@code initChannel}.
     */
    public boolean admit(Channel ch) {
        int max = limits.maxConnections();
        if (open.incrementAndGet() > max && max > 0) {
            open.decrementAndGet();
            refuse(ch, Refusal.CONNECTIONS_PER_LISTENER, "the listener holds " + max + " connections");
            return false;
        }
        InetAddress address = limits.maxConnectionsPerAddress() > 0 ? PeerAddress.inet(ch.remoteAddress()) : null;
        if (address != null && !acquire(address)) {
            open.decrementAndGet();
            refuse(ch, Refusal.CONNECTIONS_PER_ADDRESS,
                    "the address holds " + limits.maxConnectionsPerAddress() + " connections");
            return false;
        }
        ch.closeFuture().addListener(f -> release(address));
        return true;
    }

    private boolean acquire(InetAddress address) {
        int max = limits.maxConnectionsPerAddress();
        // compare-and-set on the entry: no capturing lambda or holder array per connection
        while (true) {
            Integer n = perAddress.get(address);
            if (n == null) {
                if (perAddress.putIfAbsent(address, 1) == null) {
                    return true;
                }
            } else if (n >= max) {
                return false;
            } else if (perAddress.replace(address, n, n + 1)) {
                return true;
            }
        }
    }

    private void release(InetAddress address) {
        open.decrementAndGet();
        if (address != null) {
            perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void refuse(Channel ch, Refusal reason, String bound) {
        refusals.count(reason);
        refusedLog.info("refused a connection from {} on listener {}: {}", PeerAddress.ip(ch.remoteAddress()), listener, bound);
        ch.close();
    }

    /**
     * Adds the TLS stage as {@code tls} with the bounded handshake timeout; a handshake that
     * times out closes the connection and counts {@link Refusal#HANDSHAKE_TIMEOUT}.
     */
    public void addTls(ChannelPipeline p, SslContext ssl) {
        SslHandler tls = ssl.newHandler(p.channel().alloc());
        tls.setHandshakeTimeout(limits.tlsHandshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        p.addLast("tls", tls).addLast("tls-timeouts", tlsTimeouts);
    }

    /**
     * Adds the idle-timeout stage as {@code idle} (nothing when the timeout is off): a
     * connection with no traffic either way for the timeout receives an
     * {@link io.netty.handler.timeout.IdleStateEvent} (so the protocol may say goodbye) and is
     * then closed.
     */
    public void addIdleTimeout(ChannelPipeline p) {
        if (!limits.idleTimeout().isZero()) {
            p.addLast("idle", new IdleTimeoutHandler(this));
        }
    }

    /** Counts and logs a connection closed for having had no handshake in time. */
    public void handshakeTimedOut(Channel ch, Duration limit) {
        refusals.count(Refusal.HANDSHAKE_TIMEOUT);
        timeoutLog.info("closed {} on listener {}: no handshake within {}", PeerAddress.ip(ch.remoteAddress()), listener, limit);
    }

    void idleTimedOut(Channel ch) {
        refusals.count(Refusal.IDLE_TIMEOUT);
        timeoutLog.info("closing {} on listener {}: no traffic for {}", PeerAddress.ip(ch.remoteAddress()), listener,
                limits.idleTimeout());
    }

    /** Connections open on the listener right now, as counted by this guard. */
    public int openConnections() {
        return open.get();
    }

    /** Remote addresses with at least one counted connection (entries never outlive their connections). */
    public int trackedAddresses() {
        return perAddress.size();
    }
}
