package io.tether.server.jstp.session;

import io.tether.core.session.Session;
import io.tether.core.limits.Refusal;
import io.tether.server.jstp.wire.JstpText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSTP session as the server keeps it: its {@link DeliveryLedger} (resend
 * buffer and counters), the attached transport and user data. Outlives transports.
 * Thread-safe: one {@link ReentrantLock} orders every send, so the wire order is the order
 * of the calls below. When the buffer is half full and a transport is attached, it pings
 * the client to obtain a cumulative acknowledgement (events alone are never acknowledged).
 * A session that would exceed its {@link SessionLimits}, or buffer past the node's
 * {@link SessionBudget}, is dropped; its {@link SessionQuota} counts that and indexes the
 * session while it is detached (caps per node and per address, oldest evicted).
 *
 * <p>For a shared store: {@link #snapshot()} and {@link #restored} move a session between
 * nodes, {@link #onOfflineChange} tells the store when a detached session changed (so it
 * can persist it), and after {@link #handOff} the session forwards what it is asked to send
 * to the node that owns it now.
 */
public final class JstpSession {
    private static final Logger LOG = LoggerFactory.getLogger(JstpSession.class);

    private final String id;
    private final String username;
    private final String application;
    private final String version;
    private final SessionQuota quota;
    private volatile String address = "unknown";
    // created on first use, so a session that needs none costs nothing for them
    private volatile Map<String, Object> userData;
    private List<Runnable> dropHooks = List.of(); // guarded by lock
    private List<Runnable> offlineHooks = List.of(); // guarded by lock
    private volatile List<String> restoredRooms = List.of();
    private volatile SessionForwarder forwarder;
    private final ReentrantLock lock = new ReentrantLock();
    private final DeliveryLedger ledger;
    private volatile SessionTransport transport;
    private volatile long detachedAt = System.currentTimeMillis();
    private volatile boolean dropped;
    private volatile Session coreConnection;

    /** A new, detached session outside any node's bounds (no version): for tests and examples. */
    public JstpSession(String id, String username, String application, SessionLimits limits) {
        this(id, username, application, null, SessionQuota.unbounded(limits));
    }

    /**
     * A new, detached session.
     *
     * @param username    null for anonymous sessions
     * @param application name of the application it was opened for (restores must name it), or null
     * @param version     version of that application (restores are tied to it), or null
     * @param quota       the bounds of the node that keeps it
     */
    public JstpSession(String id, String username, String application, String version, SessionQuota quota) {
        this.id = id;
        this.username = username;
        this.application = application;
        this.version = version;
        this.quota = quota;
        this.ledger = new DeliveryLedger(quota.limits(), quota.budget());
    }

    /** The session id (a bearer credential: never log it in full). */
    public String id() {
        return id;
    }

    /** The authenticated user, or null. */
    public String username() {
        return username;
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

    /** Application state of this session; survives transport changes. */
    public Map<String, Object> userData() {
        Map<String, Object> data = userData;
        if (data == null) {
            lock.lock();
            try {
                if (userData == null) {
                    userData = new ConcurrentHashMap<>();
                }
                data = userData;
            } finally {
                lock.unlock();
            }
        }
        return data;
    }

    /** Binds the core connection that represents this session in rooms and actions. */
    public void bindCore(Session connection) {
        this.coreConnection = connection;
    }

    /** The core connection of this session (rooms, actions), or null if unbound. */
    public Session coreConnection() {
        return coreConnection;
    }

    /** A session continued from a snapshot, outside any node's bounds. */
    public static JstpSession restored(SessionSnapshot snapshot, SessionLimits limits) {
        return restored(snapshot, SessionQuota.unbounded(limits));
    }

    /** A session continued from a snapshot (taken on this or another node), detached, within {@code quota}. */
    public static JstpSession restored(SessionSnapshot snapshot, SessionQuota quota) {
        JstpSession s = new JstpSession(snapshot.id(), snapshot.username(), snapshot.application(),
                snapshot.version(), quota);
        snapshot.userData().forEach((k, v) -> {
            if (v != null) {
                s.userData().put(k, v);
            }
        });
        s.ledger.load(snapshot);
        s.restoredRooms = snapshot.rooms();
        return s;
    }

    /** Rooms a {@link #restored} session was in (its new core connection should rejoin them). */
    public List<String> restoredRooms() {
        return restoredRooms;
    }

    /** The whole state, consistent (taken under the session's lock). */
    public SessionSnapshot snapshot() {
        lock.lock();
        try {
            return snapshotLocked();
        } finally {
            lock.unlock();
        }
    }

    private SessionSnapshot snapshotLocked() {
        Session core = coreConnection;
        Map<String, Object> data = new java.util.HashMap<>();
        if (userData != null) {
            userData.forEach(data::put);
        }
        return new SessionSnapshot(id, username, application, version, data, ledger.receivedCount(),
                ledger.deliveredCount(), ledger.lastId(), ledger.originated(), ledger.held(),
                core == null ? restoredRooms : core.rooms());
    }

    /**
     * Hands the session to another node: under the lock, passes the final snapshot to
     * {@code last}, closes the transport, runs the drop hooks (rooms are left here) and from
     * then on forwards every originate and reply to {@code to}. No-op if already dropped.
     */
    public void handOff(SessionForwarder to, Consumer<SessionSnapshot> last) {
        locked(() -> {
            if (dropped) {
                return;
            }
            last.accept(snapshotLocked());
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
        locked(() -> offlineHooks = with(offlineHooks, hook));
    }

    private void offlineChanged() {
        if (transport == null && !dropped) {
            offlineHooks.forEach(Runnable::run);
        }
    }

    /** Registers a hook run once when the session is dropped (expiry, overflow). */
    public void onDrop(Runnable hook) {
        locked(() -> dropHooks = with(dropHooks, hook));
    }

    private static List<Runnable> with(List<Runnable> hooks, Runnable hook) {
        Runnable[] grown = hooks.toArray(new Runnable[hooks.size() + 1]);
        grown[hooks.size()] = hook;
        return List.of(grown);
    }

    /**
     * Originates a message (call, event, inspect, ping): takes the next id, buffers the text
     * the serializer makes for it, and sends it when a transport is attached.
     *
     * @return the id used (0 when forwarded after a {@link #handOff})
     * @throws SessionOverflowException if the buffer bounds are exceeded (the session is dropped)
     * @throws IllegalStateException    if the session was dropped
     */
    public long originate(LongFunction<String> serializer) {
        lock.lock();
        try {
            SessionForwarder moved = forwarder;
            if (moved != null) {
                moved.originate(serializer.apply(SessionForwarder.TEMPLATE_ID));
                return 0;
            }
            if (dropped) {
                throw new IllegalStateException("session dropped");
            }
            send(overflowIfNull(ledger.originate(serializer)));
            long id = ledger.lastId();
            if (transport != null && ledger.shouldSolicit()) {
                String ping = ledger.originate(JstpText::ping);
                if (ping == null) {
                    ledger.unsolicit(); // no room for the ping: the message itself was buffered
                } else {
                    send(ping);
                }
            }
            offlineChanged();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Sends a reply (callback, pong) now, or holds it until the next restore if detached. */
    public void reply(String text) {
        locked(() -> {
            if (forwarder != null) {
                forwarder.reply(text);
            } else if (dropped) {
                return;
            } else if (transport != null) {
                transport.send(text);
            } else if (ledger.hold(text)) {
                offlineChanged();
            } else {
                overflowIfNull(null);
            }
        });
    }

    private String overflowIfNull(String text) {
        if (text == null) {
            Refusal why = ledger.refused();
            quota.refusals().count(why);
            if (why == Refusal.SESSION_BUFFER_BUDGET) {
                LOG.info("JSTP session {} of {} dropped: the node budget of {} bytes for buffered session messages"
                        + " is spent", this, address, quota.budget().limitBytes());
            } else {
                LOG.info("JSTP session {} of {} dropped: its buffer is full ({} messages, {} bytes)", this, address,
                        quota.limits().maxEntries(), quota.limits().maxBytes());
            }
            dropLocked();
            throw new SessionOverflowException(toString());
        }
        return text;
    }

    private void send(String text) {
        if (transport != null) {
            transport.send(text);
        }
    }

    /** Records a received originated message. */
    public void received(long messageId) {
        locked(() -> ledger.received(messageId));
    }

    /** Cumulative acknowledgement by a callback or pong with this id. */
    public void acknowledge(long messageId) {
        locked(() -> ledger.acknowledge(messageId));
    }

    /**
     * Attaches the transport of a new session: sends the handshake reply first, then
     * anything already buffered.
     */
    public void attachNew(SessionTransport t, String handshakeReply) {
        locked(() -> {
            if (dropped) { // evicted before its reply could be sent: the client may open another
                t.close();
                return;
            }
            transport = t;
            t.send(handshakeReply);
            ledger.replayOriginated(t::send);
        });
        quota.detached().removed(this);
    }

    /**
     * Restores the session onto a new transport (a handshake with
     * {@code session:[id, receivedCount]}): closes and detaches any old
     * transport, drops what the client reports as received, sends the reply made from
     * {@code receivedCount}, resends the remaining buffer byte-identically in id order,
     * then the callbacks held while detached.
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

    /** Drops the session for good: closes the transport, clears the buffer, runs drop hooks. */
    public void drop() {
        locked(this::dropLocked);
    }

    private void dropLocked() {
        if (dropped) {
            return;
        }
        dropped = true;
        if (transport != null) {
            transport.close();
            transport = null;
        }
        ledger.clear();
        quota.detached().removed(this);
        dropHooks.forEach(Runnable::run);
    }

    /** Whether a transport is attached. */
    public boolean isAttached() {
        return transport != null;
    }

    /** Whether the session was dropped. */
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
        return "JstpSession[" + id.substring(0, Math.min(8, id.length())) + "…]";
    }
}
