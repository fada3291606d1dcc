package io.tether.core.connection;

import io.tether.api.ConnectionInfo;
import io.tether.api.RoomMessage;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A client connection as the core sees it, whatever its protocol: identity, action
 * counters, joined rooms and where its room messages go. Thread-safe.
 */
public final class Connection {
    private final ConnectionInfo info;
    private final Consumer<RoomMessage> roomSink;
    private final AtomicLong totalActions = new AtomicLong();
    private final AtomicInteger pendingActions = new AtomicInteger();
    private final List<String> rooms = new CopyOnWriteArrayList<>();

    /** Creates a connection record. {@code roomSink} receives messages of joined rooms. */
    public Connection(ConnectionInfo info, Consumer<RoomMessage> roomSink) {
        this.info = info;
        this.roomSink = roomSink;
    }

    /** A new connection with a fresh UUID id, connected now. */
    public static Connection open(String type, String remoteIp, int remotePort, Consumer<RoomMessage> roomSink) {
        ConnectionInfo info = new ConnectionInfo(UUID.randomUUID().toString(), type, remoteIp, remotePort,
                System.currentTimeMillis());
        return new Connection(info, roomSink);
    }

    /** Identity and address. */
    public ConnectionInfo info() {
        return info;
    }

    /** The connection id. */
    public String id() {
        return info.id();
    }

    /** Actions started on this connection, including refused and failed ones. */
    public long totalActions() {
        return totalActions.get();
    }

    /** Actions currently running. */
    public int pendingActions() {
        return pendingActions.get();
    }

    /** Counts a new action; returns the pending count including it. */
    int actionStarted() {
        totalActions.incrementAndGet();
        return pendingActions.incrementAndGet();
    }

    /** Counts a finished action. */
    void actionFinished() {
        pendingActions.decrementAndGet();
    }

    /** Rooms joined, in join order. */
    public List<String> rooms() {
        return List.copyOf(rooms);
    }

    /** Records a joined room (called by the room service). */
    public void joined(String room) {
        rooms.add(room);
    }

    /** Records a left room (called by the room service). */
    public void left(String room) {
        rooms.remove(room);
    }

    /** Delivers a message of a joined room to this connection's protocol. */
    public void deliver(RoomMessage message) {
        roomSink.accept(message);
    }

    @Override
    public String toString() {
        return info.type() + ":" + info.id();
    }
}
