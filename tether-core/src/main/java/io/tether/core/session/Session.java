package io.tether.core.session;

import io.tether.api.ConnectionInfo;
import io.tether.api.Principal;
import io.tether.api.RoomMessage;
import io.tether.api.SessionHandle;
import io.tether.core.limits.TokenBucket;
import io.tether.core.room.RoomDelivery;
import io.tether.core.room.RoomMembership;
import io.tether.core.room.RoomSink;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A client session as the core sees it, whatever its protocol: identity, principal, user data,
 * action counters, joined rooms and where its room messages go. Protocol adapters own it;
 * application code sees it only through the context of a call. A protocol whose sessions
 * outlive their transports uses the {@link io.tether.core.session.resume.ResumableSession}
 * subclass (the only one). Thread-safe.
 */
public class Session implements SessionHandle {
    private static final VarHandle TOTAL;
    private static final VarHandle PENDING;
    private static final VarHandle MEMBERSHIP;
    private static final VarHandle DATA;
    private static final VarHandle BUCKET;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TOTAL = lookup.findVarHandle(Session.class, "totalActions", long.class);
            PENDING = lookup.findVarHandle(Session.class, "pendingActions", int.class);
            MEMBERSHIP = lookup.findVarHandle(Session.class, "membership", RoomMembership.class);
            DATA = lookup.findVarHandle(Session.class, "data", Map.class);
            BUCKET = lookup.findVarHandle(Session.class, "bucket", TokenBucket.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ConnectionInfo info;
    private final RoomSink roomSink;
    // plain fields updated through VarHandles: no Atomic*/list objects per connection
    private volatile long totalActions;
    private volatile int pendingActions;
    private volatile RoomMembership membership; // made on the first room operation
    private volatile Principal principal;
    private volatile Map<String, Object> data; // made on first use: most sessions never need it
    private volatile SessionLink link = SessionLink.NONE;
    private volatile TokenBucket bucket; // made on the first request when rate limits are on

    /** Creates a connection record. {@code roomSink} receives messages of joined rooms. */
    public Session(ConnectionInfo info, Consumer<RoomMessage> roomSink) {
        this(info, roomSink, null);
    }

    /**
     * For {@link io.tether.core.session.resume.ResumableSession}, which delivers room messages
     * itself ({@link #deliver(RoomDelivery)}).
     */
    protected Session(ConnectionInfo info) {
        this.info = info;
        this.roomSink = null;
    }

    private Session(ConnectionInfo info, Consumer<RoomMessage> messages, RoomSink deliveries) {
        this.info = info;
        this.roomSink = deliveries != null ? deliveries : d -> messages.accept(d.message());
    }

    /**
     * A new connection (as {@link #open}) whose sink receives each room message as the
     * {@link RoomDelivery} all members share, so the protocol can serialize it once. A sink
     * bound to an event loop ({@link RoomSink#loop()}) is handed the messages on that loop, one
     * task per loop per message for all the room's members there.
     */
    public static Session openShared(String type, String remoteIp, int remotePort, RoomSink roomSink) {
        ConnectionInfo info = new ConnectionInfo(RandomIds.uuid(), type, remoteIp, remotePort,
                System.currentTimeMillis());
        return new Session(info, null, roomSink);
    }

    /** A new connection with a fresh random UUID id ({@link RandomIds}), connected now. */
    public static Session open(String type, String remoteIp, int remotePort, Consumer<RoomMessage> roomSink) {
        ConnectionInfo info = new ConnectionInfo(RandomIds.uuid(), type, remoteIp, remotePort,
                System.currentTimeMillis());
        return new Session(info, roomSink);
    }

    /** Identity and address. */
    public ConnectionInfo info() {
        return info;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public ConnectionInfo connection() {
        return info;
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    /**
     * Sets who the session is authenticated as (null: anonymous again). The one path every
     * source of a principal takes: the {@link io.tether.api.ConnectionPolicy} and a transport's
     * client certificate (through {@link io.tether.core.auth.Authentication#admit}), a JSTP
     * login, and {@link #authenticate} from application code.
     */
    public void principal(Principal who) {
        this.principal = who;
    }

    @Override
    public void authenticate(Principal who) {
        principal(java.util.Objects.requireNonNull(who, "principal"));
    }

    @Override
    public void signOut() {
        principal(null);
    }

    /**
     * This session's request bucket, made by {@code maker} on first use (only when rate limits
     * are on: a session that never meets a limit holds none).
     */
    public TokenBucket bucket(java.util.function.Supplier<TokenBucket> maker) {
        TokenBucket b = bucket;
        if (b == null) {
            TokenBucket made = maker.get();
            b = BUCKET.compareAndSet(this, null, made) ? made : bucket;
        }
        return b;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> d = data;
        if (d == null) {
            Map<String, Object> made = new ConcurrentHashMap<>();
            d = DATA.compareAndSet(this, null, made) ? made : data;
        }
        return d;
    }

    /** The user data if any was made, else an empty map (never makes one). */
    protected final Map<String, Object> dataIfAny() {
        Map<String, Object> d = data;
        return d == null ? Map.of() : d;
    }

    /** Binds the protocol's side of the session (events, close); replaces the previous one. */
    public void link(SessionLink protocol) {
        this.link = protocol == null ? SessionLink.NONE : protocol;
    }

    @Override
    public boolean emit(String iface, String event, List<?> args) {
        return link.emit(iface, event, args);
    }

    @Override
    public void close() {
        link.close();
    }

    @Override
    public Optional<String> resumeToken() {
        return Optional.ofNullable(link.resumeToken());
    }

    @Override
    public void onEnd(Runnable hook) {
        link.onEnd(hook);
    }

    /** Actions started on this connection, including refused and failed ones. */
    public long totalActions() {
        return totalActions;
    }

    /** Actions currently running. */
    public int pendingActions() {
        return pendingActions;
    }

    /**
     * Counts a new action of this session (the action pipeline calls it once per request,
     * admitted or not); returns the pending count including it.
     */
    public int beginAction() {
        TOTAL.getAndAdd(this, 1L);
        return (int) PENDING.getAndAdd(this, 1) + 1;
    }

    /** Counts a finished action (once per {@link #beginAction()}). */
    public void endAction() {
        PENDING.getAndAdd(this, -1);
    }

    /** Rooms joined, in join order (an immutable snapshot); written only by the room service. */
    public List<String> rooms() {
        RoomMembership m = membership;
        return m == null ? List.of() : m.rooms();
    }

    /**
     * The session's room membership, made on first use: readable by anyone, written only by
     * the {@link io.tether.core.room.RoomService} (its mutators are not public).
     */
    public RoomMembership membership() {
        RoomMembership m = membership;
        if (m == null) {
            RoomMembership made = new RoomMembership();
            m = MEMBERSHIP.compareAndSet(this, null, made) ? made : membership;
        }
        return m;
    }

    /** Delivers a message of a joined room to this connection's protocol. */
    public final void deliver(RoomMessage message) {
        deliver(new RoomDelivery(message));
    }

    /** Delivers a message of a joined room, shared with the room's other members (any thread). */
    public void deliver(RoomDelivery delivery) {
        roomSink.deliver(delivery);
    }

    /**
     * The event loop this session's room messages are written on ({@link RoomSink#loop()}), or
     * null when they are delivered on any thread ({@link #deliver(RoomDelivery)}).
     */
    public Executor roomLoop() {
        return roomSink == null ? null : roomSink.loop();
    }

    /**
     * Delivers a message of a joined room on {@link #roomLoop()}, from the room fan-out's task
     * for that loop (the sink writes it at once).
     */
    public void deliverOnLoop(RoomDelivery delivery) {
        if (roomSink == null) {
            deliver(delivery);
        } else {
            roomSink.deliverOnLoop(delivery);
        }
    }

    /** {@code socket:<id>}, or {@code socket:<id>(alice)} once authenticated: what log lines name. */
    @Override
    public String toString() {
        Principal p = principal;
        return p == null ? info.type() + ":" + info.id() : info.type() + ":" + info.id() + "(" + p.name() + ")";
    }
}
