package io.tether.core.session.resume;

import io.tether.api.ConnectionInfo;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.Principal;
import io.tether.core.room.RoomDelivery;
import io.tether.core.session.RandomIds;
import io.tether.core.session.Session;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * A {@link Session} that outlives its transports: the core session (identity, principal, user
 * data, rooms) plus the resumable capability, in one object. Its ordered outbox is the
 * delivery ledger (ids, resend buffer, replies held while detached) bound to the
 * current {@link SessionTransport}; what it sends is {@link Outbound} data that the protocol's
 * {@link OutboundEncoder} turns into text. The session is known to clients by its secret
 * {@link #token()} (a bearer credential, never shown to others); {@link #id()} is its public id.
 *
 * <p>Thread-safe: one {@link ReentrantLock} orders every send, so the wire order is the order
 * of the calls. When the buffer is half full and a transport is attached, it pings the client
 * for a cumulative acknowledgement. A session that would exceed its {@link SessionLimits}, or
 * buffer past the node's {@link SessionBudget}, is dropped (counted as a refusal and logged); its
 * {@link SessionQuota} indexes it while it is detached.
 *
 * <p>For a shared store: {@link #snapshot()} and {@link #restored} move a session between
 * nodes, {@link #onOfflineChange} tells the store when a detached session changed, and after
 * {@link #handOff} the session forwards what it is asked to send, as it is, to the node that
 * owns it now, which encodes it with its own ids.
 */
public final class ResumableSession extends Session {
    private final String token;
    private final String application;
    private final String version;
    private final ResumeProtocol protocol;
    private final SessionQuota quota;
    private final ReentrantLock lock = new ReentrantLock();
    private final DeliveryLedger ledger;
    // immutable lists replaced on registration, guarded by lock: no hook object per session
    private List<Runnable> dropHooks = List.of();
    private List<Runnable> offlineHooks = List.of();
    private volatile String address;
    private volatile SessionForwarder forwarder;
    private volatile SessionTransport transport;
    private volatile long detachedAt = System.currentTimeMillis();
    private volatile boolean dropped;
    // made on first use only: sessions whose server never calls their client carry neither
    private volatile SessionPeer peer;
    private volatile PeerCalls calls;

    private ResumableSession(ConnectionInfo info, String token, String application, String version,
                             ResumeProtocol protocol, SessionQuota quota) {
        super(info);
        this.token = token;
        this.application = application;
        this.version = version;
        this.protocol = protocol;
        this.quota = quota;
        this.address = info.remoteIp();
        this.ledger = new DeliveryLedger(quota.limits(), quota.budget());
    }

    /**
     * A new, detached session with a fresh token ({@link SessionIds#next()}).
     *
     * @param application name of the application it is opened for (restores must name it), or null
     * @param version     version of that application (restores are tied to it), or null
     */
    public static ResumableSession open(ResumeProtocol protocol, SessionQuota quota, String remoteIp, int remotePort,
                                        String application, String version) {
        return new ResumableSession(info(protocol, remoteIp, remotePort), SessionIds.next(), application, version,
                protocol, quota);
    }

    /**
     * A session continued from a snapshot (taken on this or another node), detached, within
     * {@code quota}, with a new public id; its rooms are in the snapshot (the caller rejoins them).
     */
    public static ResumableSession restored(SessionSnapshot snapshot, ResumeProtocol protocol, SessionQuota quota,
                                            String remoteIp, int remotePort) {
        ResumableSession s = new ResumableSession(info(protocol, remoteIp, remotePort), snapshot.id(),
                snapshot.application(), snapshot.version(), protocol, quota);
        s.principal(snapshot.principal());
        snapshot.userData().forEach((k, v) -> {
            if (v != null) {
                s.data().put(k, v);
            }
        });
        s.ledger.load(snapshot);
        return s;
    }

    private static ConnectionInfo info(ResumeProtocol protocol, String ip, int port) {
        return new ConnectionInfo(RandomIds.uuid(), protocol.type(), ip, port, System.currentTimeMillis());
    }

    /** The token a client resumes the session with (a bearer credential: never log it in full). */
    public String token() {
        return token;
    }

    /** Name of the application the session was opened for, or null. */
    public String application() {
        return application;
    }

    /** Version of the application the session was opened for, or null (a snapshot of an older node). */
    public String applicationVersion() {
        return version;
    }

    /** The remote address (host address text) of the client that opened or last restored it. */
    public String address() {
        return address;
    }

    /** Sets the remote address; call before the session is attached or saved. */
    public void address(String remote) {
        this.address = remote;
    }

    /** The whole state, consistent (taken under the session's lock). */
    public SessionSnapshot snapshot() {
        lock.lock();
        try {
            return SessionSnapshot.of(this, ledger);
        } finally {
            lock.unlock();
        }
    }

    /** The user data as it is now, without making a map for a session that has none. */
    java.util.Map<String, Object> dataSnapshot() {
        return dataIfAny();
    }

    @Override
    public void deliver(RoomDelivery delivery) {
        protocol.roomSink().accept(this, delivery);
    }

    /**
     * Hands the session to another node: under the lock, passes the final snapshot to
     * {@code last}, closes the transport, ends the session here (rooms are left, drop hooks run)
     * and from then on forwards every originate and reply to {@code to}. No-op if already dropped.
     */
    public void handOff(SessionForwarder to, Consumer<SessionSnapshot> last) {
        locked(() -> {
            if (dropped) {
                return;
            }
            last.accept(SessionSnapshot.of(this, ledger));
            forwarder = to;
            dropLocked();
        });
    }

    /** Whether the session was handed off to another node. */
    public boolean isHandedOff() {
        return forwarder != null;
    }

    /** Registers a hook run (under the lock; must not block) when a detached session changes or detaches. */
    public void onOfflineChange(Runnable hook) {
        locked(() -> offlineHooks = SessionHooks.with(offlineHooks, hook));
    }

    /** Originates a JSTP-style event through the outbox; false once the session is gone. */
    @Override
    public boolean emit(String iface, String event, List<?> args) {
        try {
            originate(Outbound.event(iface, event, args));
            return true;
        } catch (RuntimeException gone) { // dropped, or dropped now for overflowing its buffer
            return false;
        }
    }

    /** Drops the session: it cannot be restored afterwards. */
    @Override
    public void close() {
        drop();
    }

    @Override
    public Optional<String> resumeToken() {
        return Optional.of(token);
    }

    /** Runs {@code hook} once when the session is dropped on this node, not when it is handed off. */
    @Override
    public void onEnd(Runnable hook) {
        Runnable unlessHandedOff = () -> {
            if (!isHandedOff()) {
                hook.run();
            }
        };
        boolean ended;
        lock.lock();
        try {
            ended = dropped;
            if (!ended) {
                dropHooks = SessionHooks.with(dropHooks, unlessHandedOff); // drop hooks run once
            }
        } finally {
            lock.unlock();
        }
        if (ended) {
            unlessHandedOff.run();
        }
    }

    /** Registers a hook run once (under the lock; must not block) when the session is dropped or handed off. */
    public void onDrop(Runnable hook) {
        locked(() -> dropHooks = SessionHooks.with(dropHooks, hook));
    }

    private void offlineChanged() {
        if (transport == null && !dropped) {
            offlineHooks.forEach(Runnable::run);
        }
    }

    /**
     * Originates a message (event, ping): takes the next id, buffers the text the encoder makes
     * for it, and sends it when a transport is attached; after a {@link #handOff}, forwards it.
     *
     * @return the id used (0 when forwarded)
     * @throws SessionOverflowException if the buffer bounds are exceeded (the session is dropped)
     * @throws IllegalStateException    if the session was dropped
     */
    public long originate(Outbound.Originated message) {
        lock.lock();
        try {
            SessionForwarder moved = forwarder;
            if (moved != null) {
                moved.forward(message);
                return 0;
            }
            if (dropped) {
                throw new IllegalStateException("session dropped");
            }
            return originateLocked(message);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next id, buffers and sends (under the lock; the session is neither dropped nor moved). */
    private long originateLocked(Outbound.Originated message) {
        OutboundEncoder encoder = protocol.encoder();
        send(checked(ledger.originate(message, encoder)));
        long id = ledger.lastId();
        if (transport != null && ledger.shouldSolicit(encoder.longestPingChars())) {
            String ping = ledger.originate(Outbound.ping(), encoder);
            if (ping == null) {
                ledger.unsolicit(); // no room for the ping: the message itself was buffered
            } else {
                send(ping);
            }
        }
        offlineChanged();
        return id;
    }

    /** The client end of this session for server calls (made on first use). */
    @Override
    public Optional<io.tether.api.jstp.JstpPeer> jstpPeer() {
        return Optional.of(peer());
    }

    /** The client end of this session for server calls (made on first use). */
    public SessionPeer peer() {
        SessionPeer p = peer;
        if (p == null) {
            lock.lock();
            try {
                p = peer;
                if (p == null) {
                    p = new SessionPeer(this, protocol.peers());
                    peer = p;
                }
            } finally {
                lock.unlock();
            }
        }
        return p;
    }

    /**
     * Originates a server call, inspect or ping whose answer (a callback or pong with its id)
     * completes {@code answer}; a request that cannot be sent completes it exceptionally at once.
     *
     * @return the pending entry (to expire it at its deadline), or null if refused
     */
    PeerCalls.Pending request(Outbound.Originated message, boolean resend, CompletableFuture<List<Object>> answer) {
        PeerCalls.Pending p = new PeerCalls.Pending(message, answer, resend);
        lock.lock();
        try {
            PeerCalls table = peerCalls();
            TetherException refused = refusal(table);
            if (refused != null) {
                table.fail(p, refused);
                return null;
            }
            try {
                table.add(originateLocked(message), p);
            } catch (RuntimeException overflow) { // the session was dropped for overflowing its buffer
                table.fail(p, overflow);
                return null;
            }
            return p;
        } finally {
            lock.unlock();
        }
    }

    private TetherException refusal(PeerCalls table) {
        if (forwarder != null) {
            return new TetherException(ErrorCode.SESSION_MOVED, "the session moved to another node");
        }
        if (dropped) {
            return new TetherException(ErrorCode.SESSION_CLOSED, "the session has ended");
        }
        SessionTransport t = transport;
        int inFlight = table.size() + (t == null ? 0 : t.callsInFlight());
        if (inFlight >= protocol.peers().maxInFlight()) {
            return new TetherException(ErrorCode.TOO_MANY_PENDING,
                    "the connection already has " + inFlight + " calls in flight");
        }
        return null;
    }

    /** Forgets a request whose deadline passed; true if it was still waiting. */
    boolean expire(PeerCalls.Pending p) {
        lock.lock();
        try {
            PeerCalls table = calls;
            return table != null && table.expire(p);
        } finally {
            lock.unlock();
        }
    }

    /** The table of server calls, made on the first one (under the lock). */
    PeerCalls peerCalls() {
        PeerCalls table = calls;
        if (table == null) {
            table = new PeerCalls(protocol.peers());
            calls = table;
        }
        return table;
    }

    /** Runs {@code action} on the table of server calls under the session's lock. */
    void withPeerCalls(Consumer<PeerCalls> action) {
        locked(() -> action.accept(peerCalls()));
    }

    /**
     * An answer of the client to a message of the server (a callback or pong with a negative
     * id): completes the server call, inspect or ping waiting for it, if any.
     */
    public void answered(long messageId, List<Object> ok, List<Object> error) {
        if (calls == null) {
            return; // the server never called this client
        }
        locked(() -> calls.answer(messageId, ok, error));
    }

    /** Whether the application controls this session's heartbeat (the listener's then stays off). */
    public boolean heartbeatControlled() {
        PeerCalls table = calls;
        return table != null && table.heartbeatControlled();
    }

    /** Sends a reply now, or holds it until the next restore if detached; after a {@link #handOff}, forwards it. */
    public void reply(Outbound.Reply message) {
        lock.lock(); // not locked(…): a capturing lambda per reply on the hottest path
        try {
            if (forwarder != null) {
                forwarder.forward(message);
            } else if (dropped) {
                return;
            } else if (transport != null) {
                transport.send(protocol.encoder().reply(message));
            } else if (ledger.hold(protocol.encoder().reply(message))) {
                offlineChanged();
            } else {
                checked(null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The text, or, when the ledger refused it, the overflow: counted, logged, session dropped, thrown. */
    private String checked(String text) {
        if (text == null) {
            SessionOverflow.report(this, ledger.refused(), quota);
            dropLocked();
            throw new SessionOverflowException(toString());
        }
        return text;
    }

    private void send(String text) {
        SessionTransport t = transport;
        if (t != null) {
            t.send(text);
        }
    }

    /** Records a received originated message. */
    public void received(long messageId) {
        lock.lock(); // once per received call: no capturing lambda
        try {
            ledger.received(messageId);
        } finally {
            lock.unlock();
        }
    }

    /** Cumulative acknowledgement by a callback or pong with this id. */
    public void acknowledge(long messageId) {
        lock.lock();
        try {
            ledger.acknowledge(messageId);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Attaches the transport of a new session: sends the handshake reply first, then anything
     * already buffered. A session dropped meanwhile closes {@code t} instead.
     */
    public void attachNew(SessionTransport t, String handshakeReply) {
        lock.lock(); // not locked(…): once per connection, no capturing lambda
        try {
            if (dropped) { // evicted before its reply could be sent: the client may open another
                t.close();
            } else {
                transport = t;
                t.send(handshakeReply);
                if (ledger.buffersOriginated()) { // e.g. room messages that arrived during the handshake
                    ledger.replayOriginated(t::send);
                }
            }
        } finally {
            lock.unlock();
        }
        quota.detached().removed(this);
    }

    /**
     * Restores the session onto a new transport: closes and detaches any old transport, drops
     * what the client reports as received, sends the reply made from this side's received
     * count, resends the remaining buffer byte-identically in id order, then the replies held
     * while detached.
     *
     * @return false if the session was dropped meanwhile
     */
    public boolean restore(long clientReceived, SessionTransport t, LongFunction<String> replyForReceived) {
        lock.lock();
        try {
            if (dropped) {
                return false;
            }
            SessionTransport old = transport;
            transport = null;
            if (old != null && old != t) {
                old.close();
            }
            ledger.acknowledge(clientReceived);
            transport = t;
            t.send(replyForReceived.apply(ledger.receivedCount()));
            ledger.replayAll(t::send);
            if (calls != null) {
                calls.restored(clientReceived, this::originateLocked);
            }
        } finally {
            lock.unlock();
        }
        quota.detached().removed(this);
        return true;
    }

    /** Detaches the transport if it is still the attached one (on transport close). */
    public void detach(SessionTransport t) {
        boolean detached = false;
        lock.lock();
        try {
            if (transport == t) {
                transport = null;
                detachedAt = System.currentTimeMillis();
                offlineChanged();
                detached = true;
            }
        } finally {
            lock.unlock();
        }
        if (detached) { // outside the lock: indexing may evict (drop) other sessions
            quota.detached().detached(this);
        }
    }

    /** Drops the session if it is (still) detached: evicted by a cap on detached sessions. */
    boolean evict() {
        lock.lock();
        try {
            if (dropped || transport != null) {
                return false;
            }
            dropLocked();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Drops the session for good: closes the transport, clears the buffer, ends it, runs drop hooks. */
    public void drop() {
        locked(this::dropLocked);
    }

    private void dropLocked() {
        if (dropped) {
            return;
        }
        dropped = true;
        SessionTransport t = transport;
        if (t != null) {
            transport = null;
            t.close();
        }
        ledger.clear();
        if (calls != null) {
            calls.failAll(forwarder != null
                    ? new TetherException(ErrorCode.SESSION_MOVED, "the client restored the session on another node")
                    : new TetherException(ErrorCode.SESSION_CLOSED, "the session has ended"));
        }
        quota.dropped(this); // unindexed, and removed from its store (MemorySessionStore)
        protocol.ended().accept(this);
        dropHooks.forEach(Runnable::run);
    }

    /** Whether a transport is attached. */
    public boolean isAttached() {
        return transport != null;
    }

    /** Whether the session was dropped (or handed off). */
    public boolean isDropped() {
        return dropped;
    }

    /** When the transport went away (ms since epoch); meaningful while detached. */
    public long detachedAt() {
        return detachedAt;
    }

    /** A consistent snapshot of the delivery counters and buffer. */
    public SessionState state() {
        lock.lock();
        try {
            return ledger.state();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        String who = principal().map(p -> ", " + p.name()).orElse("");
        return "ResumableSession[" + token.substring(0, Math.min(8, token.length())) + "…" + who + "]";
    }
}
