package io.tether.core.room;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The rooms one session is in, and the queue of its room operations. Anyone may read it
 * ({@link io.tether.core.session.Session#rooms()}); only the {@link RoomService} writes it,
 * one operation of the session at a time. Made on a session's first room operation (most
 * sessions never join a room). Thread-safe, lock-free.
 */
public final class RoomMembership {
    private static final VarHandle ROOMS;
    private static final VarHandle TAIL;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ROOMS = lookup.findVarHandle(RoomMembership.class, "rooms", List.class);
            TAIL = lookup.findVarHandle(RoomMembership.class, "tail", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile List<String> rooms = List.of();
    /** Completion of the session's latest room operation, null when none is queued or running. */
    private volatile CompletableFuture<?> tail;

    /** Made by {@link io.tether.core.session.Session#membership()}; empty, not attached to anything. */
    public RoomMembership() {
    }

    /** Rooms joined, in join order (an immutable snapshot). */
    public List<String> rooms() {
        return rooms;
    }

    /** Whether the session is in the room. */
    public boolean contains(String room) {
        return room != null && rooms.contains(room);
    }

    /**
     * Throws {@code NOT_IN_ROOM} with ActionHero's text unless the session is in the room (a
     * missing room name reads {@code undefined}).
     */
    void require(String room) {
        if (!contains(room)) {
            throw new TetherException(ErrorCode.NOT_IN_ROOM,
                    "connection not in this room (" + (room == null ? "undefined" : room) + ")");
        }
    }

    void add(String room) {
        List<String> current;
        List<String> next;
        do {
            current = rooms;
            String[] grown = current.toArray(new String[current.size() + 1]);
            grown[current.size()] = room;
            next = List.of(grown);
        } while (!ROOMS.compareAndSet(this, current, next));
    }

    void remove(String room) {
        List<String> current;
        List<String> next;
        do {
            current = rooms;
            int i = current.indexOf(room);
            if (i < 0) {
                return;
            }
            List<String> rest = new ArrayList<>(current);
            rest.remove(i);
            next = List.copyOf(rest);
        } while (!ROOMS.compareAndSet(this, current, next));
    }

    /** Queues an operation's completion; returns the previous one (null or done: it may start now). */
    CompletableFuture<?> enqueue(CompletableFuture<?> completion) {
        return (CompletableFuture<?>) TAIL.getAndSet(this, completion);
    }

    /** The operation of {@code completion} finished: forgets it unless another one queued behind it. */
    void release(CompletableFuture<?> completion) {
        TAIL.compareAndSet(this, completion, null);
    }
}
