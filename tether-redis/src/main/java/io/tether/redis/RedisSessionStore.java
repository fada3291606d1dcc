package io.tether.redis;

import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.SessionIds;
import io.tether.core.session.resume.SessionQuota;
import io.tether.core.session.resume.SessionSnapshot;
import io.tether.core.session.resume.SessionStore;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable sessions (JSTP's) shared by the nodes of a cluster through Redis, so a client can
 * restore its session on any node. The sessions this node owns live here in memory; each is
 * persisted as a {@link SessionSnapshot} (key {@code P session:{id}}, Redis TTL = session
 * expiry) when it is created, when its transport drops and whenever it changes while
 * detached (buffered events, held callbacks). A restore on another node claims the session
 * atomically ({@code P session:{id}:owner}); if this node still owns it, it is told over its
 * pub/sub channel, closes the transport, stores the final state and hands off. Messages the
 * old session object is still asked to send afterwards (timers, late replies) are forwarded in
 * their structured form ({@link Outbound}, as JSON) to the owner's channel, or queued in
 * {@code P session:{id}:inbox} when nobody owns it; the owner encodes them with its own ids.
 *
 * <p>The {@link SessionQuota} bounds the sessions this node holds in memory: its detached
 * sessions (per node and per address; the oldest is evicted, which deletes it from Redis too)
 * and their buffered bytes. A session handed off to another node leaves this node's counts; one
 * continued here joins them. A restore naming an id that is not a well-formed session id is
 * refused before any Redis call, and a failed claim leaves no key behind.
 *
 * <pre>{@code
 * RedisSessionStore sessions = redis.sessionStore(Duration.ofMinutes(10), options.sessionQuota(core.refusals()),
 *         core.timer());
 * JstpProtocolServer jstp = new JstpProtocolServer(core, jstpOptions, sessions);
 * }</pre>
 */
public final class RedisSessionStore implements SessionStore, SessionTransfer.Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);

    private final SessionTransfer transfer;
    private final SessionQuota quota;
    private final Duration expiry;
    private final Map<String, ResumableSession> sessions = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeper;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    RedisSessionStore(SessionTransfer transfer, Duration expiry, SessionQuota quota,
                      ScheduledExecutorService timer) {
        this.transfer = transfer;
        this.quota = quota;
        this.expiry = expiry;
        long period = Math.clamp(expiry.toMillis() / 4, 50, 30_000);
        transfer.start(this);
        this.sweeper = timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> save(ResumableSession session) {
        keep(session, false); // a new session is counted as detached once its connection goes
        CompletableFuture<Void> stored = new CompletableFuture<>();
        if (!transfer.submit(() -> {
            try {
                transfer.store(session.snapshot());
            } finally {
                stored.complete(null);
            }
        })) {
            stored.complete(null);
        }
        return stored;
    }

    @Override
    public Optional<ResumableSession> find(String id, Continuation continuation) {
        if (!SessionIds.wellFormed(id)) {
            return Optional.empty(); // never a key made of client text
        }
        ResumableSession mine = sessions.get(id);
        if (mine != null && !mine.isDropped()) {
            return Optional.of(mine);
        }
        // asked before the claim: a refused restore must not take the session from its owner node
        if (continuation.decidesAdmission()) {
            Optional<SessionSnapshot> seen = transfer.peek(id);
            if (seen.isPresent() && !continuation.admits(seen.get())) {
                return Optional.empty();
            }
        }
        Optional<SessionSnapshot> stored = transfer.claim(id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ResumableSession session = continuation.continueFrom(stored.get(), quota);
        keep(session, true); // detached here until restored
        transfer.drain(id, m -> deliver(session, m));
        LOG.debug("{} continued on this node", session);
        return Optional.of(session);
    }

    private void keep(ResumableSession session, boolean detached) {
        sessions.put(session.token(), session);
        session.onOfflineChange(() -> storeLater(session));
        session.onDrop(() -> {
            sessions.remove(session.token(), session);
            if (!session.isHandedOff()) {
                transfer.submit(() -> transfer.delete(session.token()));
            }
        });
        if (detached) {
            quota.track(session);
        }
    }

    /** Coalesces stores: one pending store per session, taking the newest snapshot when it runs. */
    private void storeLater(ResumableSession session) {
        if (dirty.add(session.token())) {
            transfer.submit(() -> {
                dirty.remove(session.token());
                if (!session.isDropped() && !transfer.store(session.snapshot())) {
                    LOG.debug("{} is owned by another node now; not stored", session);
                }
            });
        }
    }

    @Override
    public boolean deliver(String sessionId, Outbound message) {
        ResumableSession s = sessions.get(sessionId);
        return s != null && !s.isDropped() && deliver(s, message);
    }

    /** A forwarded message, encoded here with this node's ids (the session's next id for an originated one). */
    private static boolean deliver(ResumableSession s, Outbound message) {
        switch (message) {
            case Outbound.Originated o -> s.originate(o);
            case Outbound.Reply r -> s.reply(r);
        }
        return true;
    }

    @Override
    public void release(String sessionId, String toNode) {
        ResumableSession s = sessions.get(sessionId);
        if (s != null) {
            AtomicReference<SessionSnapshot> last = new AtomicReference<>();
            s.handOff(transfer.forwarder(sessionId, this), last::set);
            if (last.get() != null) {
                transfer.storeFinal(last.get());
            }
            LOG.debug("{} handed off to node {}", s, toNode);
        }
        transfer.released(sessionId, toNode);
    }

    @Override
    public SessionQuota quota() {
        return quota;
    }

    @Override
    public int size() {
        return sessions.size();
    }

    /** Drops sessions detached for longer than the expiry; keeps attached ones alive in Redis. */
    void sweep() {
        long now = System.currentTimeMillis();
        for (ResumableSession s : sessions.values()) {
            if (s.isAttached()) {
                transfer.submit(() -> transfer.refresh(s.token()));
            } else if (now - s.detachedAt() > expiry.toMillis()) {
                s.drop();
            }
        }
    }

    /**
     * Stops the sweep, stores every session this node owns and gives up ownership, so another
     * node can continue them at once. Never blocks: the work runs on the session executor,
     * which {@link RedisNode#close()} waits for.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sweeper.cancel(false);
        transfer.submit(() -> sessions.values().forEach(s -> {
            if (transfer.store(s.snapshot())) {
                transfer.disown(s.token());
            }
        }));
        transfer.stop();
    }

    /** Subscribes again to this node's session channel (after a Redis Cluster topology change); does not block. */
    void refresh() {
        transfer.refresh();
    }

    /** Waits (bounded) for queued session work, then releases the pub/sub connection. */
    void awaitClosed(Duration limit) {
        transfer.awaitStopped(limit);
    }
}
