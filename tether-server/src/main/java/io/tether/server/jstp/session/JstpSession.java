package io.tether.server.jstp.session;

import io.tether.core.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * One JSTP session as the server keeps it (spec §8): the resend buffer of serialized
 * originated messages keyed by abs(id), {@code receivedCount}, {@code deliveredCount},
 * {@code lastId} (−1, −2, …), callbacks held while no transport is attached, the attached
 * transport, and user data. Outlives transports; thread-safe (one {@link ReentrantLock}
 * orders every send, so the wire order is the order of the calls below).
 */
public final class JstpSession {
    private final String id;
    private final String username;
    private final SessionLimits limits;
    private final Map<String, Object> userData = new ConcurrentHashMap<>();
    private final List<Runnable> dropHooks = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final TreeMap<Long, String> buffer = new TreeMap<>();
    private final List<String> held = new ArrayList<>();
    private long bufferedChars;
    private long receivedCount;
    private long deliveredCount;
    private long lastId;
    private SessionTransport transport;
    private long detachedAt = System.currentTimeMillis();
    private boolean dropped;
    private volatile Connection coreConnection;

    /** A new, detached session; {@code username} is null for anonymous sessions. */
    public JstpSession(String id, String username, SessionLimits limits) {
        this.id = id;
        this.username = username;
        this.limits = limits;
    }

    /** The session id (a bearer credential: never log it in full). */
    public String id() {
        return id;
    }

    /** The authenticated user, or null. */
    public String username() {
        return username;
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
            long next = lastId - 1;
            String text = serializer.apply(next);
            ensureRoom(text);
            lastId = next;
            buffer.put(-next, text);
            bufferedChars += text.length();
            if (transport != null) {
                transport.send(text);
            }
            return next;
        } finally {
            lock.unlock();
        }
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
            held.add(text);
            bufferedChars += text.length();
        } finally {
            lock.unlock();
        }
    }

    private void ensureRoom(String text) {
        if (buffer.size() + held.size() + 1 > limits.maxEntries()
                || bufferedChars + text.length() > limits.maxBytes()) {
            dropLocked();
            throw new SessionOverflowException(id);
        }
    }

    /** Records a received originated message: {@code receivedCount = max(receivedCount, abs(id))}. */
    public void received(long messageId) {
        lock.lock();
        try {
            receivedCount = Math.max(receivedCount, Math.abs(messageId));
        } finally {
            lock.unlock();
        }
    }

    /** Cumulative acknowledgement by a callback or pong with this id. */
    public void acknowledge(long messageId) {
        lock.lock();
        try {
            ackLocked(Math.abs(messageId));
        } finally {
            lock.unlock();
        }
    }

    private void ackLocked(long upTo) {
        if (upTo <= deliveredCount || upTo > -lastId) {
            return;
        }
        var acked = buffer.headMap(upTo, true);
        for (String text : acked.values()) {
            bufferedChars -= text.length();
        }
        acked.clear();
        deliveredCount = upTo;
    }

    /**
     * Attaches the transport of a new session: sends the handshake reply first, then
     * anything already buffered.
     */
    public void attachNew(SessionTransport t, String handshakeReply) {
        lock.lock();
        try {
            transport = t;
            t.send(handshakeReply);
            buffer.values().forEach(t::send);
        } finally {
            lock.unlock();
        }
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
            buffer.values().forEach(t::send);
            held.forEach(text -> {
                t.send(text);
                bufferedChars -= text.length();
            });
            held.clear();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Detaches the transport if it is still the attached one (on transport close). */
    public void detach(SessionTransport t) {
        lock.lock();
        try {
            if (transport == t) {
                transport = null;
                detachedAt = System.currentTimeMillis();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the attached transport, if any (the session stays restorable). */
    public void closeTransport() {
        lock.lock();
        try {
            if (transport != null) {
                SessionTransport t = transport;
                transport = null;
                detachedAt = System.currentTimeMillis();
                t.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Drops the session for good: closes the transport, clears the buffer, runs drop hooks. */
    public void drop() {
        lock.lock();
        try {
            dropLocked();
        } finally {
            lock.unlock();
        }
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
        held.clear();
        bufferedChars = 0;
        dropHooks.forEach(Runnable::run);
    }

    /** Whether a transport is attached. */
    public boolean isAttached() {
        lock.lock();
        try {
            return transport != null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the session was dropped. */
    public boolean isDropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** When the transport went away (ms since epoch); meaningful while detached. */
    public long detachedAt() {
        lock.lock();
        try {
            return detachedAt;
        } finally {
            lock.unlock();
        }
    }

    /** A consistent snapshot of the delivery counters and buffer. */
    public SessionState state() {
        lock.lock();
        try {
            return new SessionState(receivedCount, deliveredCount, lastId, List.copyOf(buffer.keySet()),
                    held.size(), bufferedChars);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "JstpSession[" + id.substring(0, Math.min(8, id.length())) + "…]";
    }
}
