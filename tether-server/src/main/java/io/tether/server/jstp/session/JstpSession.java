package io.tether.server.jstp.session;

import io.tether.core.connection.Connection;
import io.tether.server.jstp.wire.JstpText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * One JSTP session as the server keeps it (spec §8): the resend buffer of serialized
 * originated messages keyed by abs(id), {@code receivedCount}, {@code deliveredCount},
 * {@code lastId} (−1, −2, …), callbacks held while no transport is attached, the attached
 * transport, and user data. When the buffer is half full and a transport is attached, it
 * pings the client to obtain a cumulative acknowledgement (events alone are never
 * acknowledged, spec §8.2). Outlives transports; thread-safe (one {@link ReentrantLock}
 * orders every send, so the wire order is the order of the calls below).
 */
public final class JstpSession {
    /** Room for a solicitation ping: the longest ping text. */
    private static final String PING_SIZE = JstpText.ping(-9007199254740991L);

    private final String id;
    private final String username;
    private final String application;
    private final Map<String, Object> userData = new ConcurrentHashMap<>();
    private final List<Runnable> dropHooks = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final ResendBuffer buffer;
    private long receivedCount;
    private long deliveredCount;
    private long lastId;
    private long solicited;
    private volatile SessionTransport transport;
    private volatile long detachedAt = System.currentTimeMillis();
    private volatile boolean dropped;
    private volatile Connection coreConnection;

    /** A new, detached session of no particular application. */
    public JstpSession(String id, String username, SessionLimits limits) {
        this(id, username, null, limits);
    }

    /**
     * A new, detached session.
     *
     * @param username    null for anonymous sessions
     * @param application name of the application it was opened for (restores must name it), or null
     */
    public JstpSession(String id, String username, String application, SessionLimits limits) {
        this.id = id;
        this.username = username;
        this.application = application;
        this.buffer = new ResendBuffer(limits);
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

    /** Application state of this session; survives transport changes. */
    public Map<String, Object> userData() {
        return userData;
    }

    /** Binds the core connection that represents this session in rooms and actions. */
    public void bindCore(Connection connection) {
        this.coreConnection = connection;
    }

    /** The core connection of this session (rooms, actions), or null if unbound. */
    public Connection coreConnection() {
        return coreConnection;
    }

    /** Registers a hook run once when the session is dropped (expiry, overflow, shutdown). */
    public void onDrop(Runnable hook) {
        dropHooks.add(hook);
    }

    /**
     * Originates a message (call, event, inspect, ping): takes the next id, buffers the text
     * the serializer makes for it, and sends it when a transport is attached.
     *
     * @return the id used
     * @throws SessionOverflowException if the buffer bounds are exceeded (the session is dropped)
     */
    public long originate(LongFunction<String> serializer) {
        lock.lock();
        try {
            if (dropped) {
                throw new IllegalStateException("session dropped");
            }
            long id = originateLocked(serializer);
            if (transport != null && buffer.halfFull() && solicited <= deliveredCount && buffer.fits(PING_SIZE)) {
                solicited = -originateLocked(JstpText::ping);
            }
            return id;
        } finally {
            lock.unlock();
        }
    }

    private long originateLocked(LongFunction<String> serializer) {
        long next = lastId - 1;
        String text = serializer.apply(next);
        ensureRoom(text);
        lastId = next;
        buffer.putOriginated(-next, text);
        if (transport != null) {
            transport.send(text);
        }
        return next;
    }

    /** Sends a reply (callback, pong) now, or holds it until the next restore if detached. */
    public void reply(String text) {
        lock.lock();
        try {
            if (dropped) {
                return;
            }
            if (transport != null) {
                transport.send(text);
                return;
            }
            ensureRoom(text);
            buffer.hold(text);
        } finally {
            lock.unlock();
        }
    }

    private void ensureRoom(String text) {
        if (!buffer.fits(text)) {
            dropLocked();
            throw new SessionOverflowException(id);
        }
    }

    /** Records a received originated message: {@code receivedCount = max(receivedCount, abs(id))}. */
    public void received(long messageId) {
        locked(() -> receivedCount = Math.max(receivedCount, Math.abs(messageId)));
    }

    /** Cumulative acknowledgement by a callback or pong with this id. */
    public void acknowledge(long messageId) {
        locked(() -> ackLocked(Math.abs(messageId)));
    }

    private void ackLocked(long upTo) {
        if (upTo <= deliveredCount || upTo > -lastId) {
            return;
        }
        buffer.acknowledge(upTo);
        deliveredCount = upTo;
    }

    /**
     * Attaches the transport of a new session: sends the handshake reply first, then
     * anything already buffered.
     */
    public void attachNew(SessionTransport t, String handshakeReply) {
        locked(() -> {
            transport = t;
            t.send(handshakeReply);
            buffer.replayOriginated(t::send);
        });
    }

    /**
     * Restores the session onto a new transport (spec §8.4): closes and detaches any old
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
            ackLocked(clientReceived);
            transport = t;
            t.send(replyForReceived.apply(receivedCount));
            buffer.replay(t::send);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Detaches the transport if it is still the attached one (on transport close). */
    public void detach(SessionTransport t) {
        locked(() -> {
            if (transport == t) {
                transport = null;
                detachedAt = System.currentTimeMillis();
            }
        });
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
        buffer.clear();
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
            return new SessionState(receivedCount, deliveredCount, lastId, buffer.ids(), buffer.heldCount(),
                    buffer.chars());
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
