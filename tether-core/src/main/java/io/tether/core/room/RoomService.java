package io.tether.core.room;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.RoomPolicy;
import io.tether.api.RoomView;
import io.tether.api.Rooms;
import io.tether.api.TetherException;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RequestLimiter;
import io.tether.core.session.Session;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Rooms as every protocol uses them: join, leave, view and say with the ActionHero error
 * texts, and local fan-out of what the {@link RoomBroker} delivers. One per server; the single
 * owner of room membership and of the threads broker calls run on.
 *
 * <p><b>Session operations</b> ({@link #join}, {@link #leave}, {@link #leaveAll},
 * {@link #view(Session, String)}, {@link #say}) return a future and never throw: a refusal
 * completes it with a {@link TetherException}. The operations of one session run one at a
 * time in call order, each seeing the effects of the previous one (a {@code leaveAll} at close
 * that races a pending {@code join} runs after it and leaves the session in no room). With a
 * {@link RoomBroker#nonBlocking() non-blocking} broker they run on the caller's thread and
 * return a completed future; with any other broker they run on the core's workers. The service
 * hops onto no event loop: an adapter writes its reply from the future's completion. A leave
 * completes once the member is out of the room's fan-out, after what was said in the room before
 * it ({@link RoomBroker#awaitDelivered}, {@link LocalRooms#depart}): for a member on an event loop
 * that is a task on its loop, so a leave's future may complete later even with a non-blocking
 * broker (never block a loop on it).
 *
 * <p><b>Says with an {@link RoomBroker#asyncPublish() asynchronously publishing} broker</b>
 * (Redis) are pipelined: a say's checks (arguments, membership, {@link RoomPolicy#maySay}) run
 * on the caller's thread, several of one session are in flight at once, in order
 * ({@link PipelinedSays}).
 *
 * <p><b>The {@link Rooms} facade</b> (create, destroy, exists, list, view, broadcast) is what
 * actions see; it is synchronous and calls the broker on the caller's thread (with a cluster
 * broker a Redis round trip: call it from an action on a virtual thread, not from a
 * non-blocking action or an event loop).
 *
 * <p><b>Authorization and limits.</b> Every join and say asks the application's
 * {@link RoomPolicy} (after the room's existence and the sender's membership are checked; a
 * refusal completes with {@code FORBIDDEN}); every session operation but {@code leaveAll}
 * passes the request rate limits ({@code RATE_LIMITED}).
 *
 * <p>Fan-out: each message becomes one {@link RoomDelivery} that every local member shares,
 * delivered by the room's {@link RoomFanout}: in publish order, on the publishing thread for a
 * small room, on the workers for a large one.
 */
public final class RoomService implements Rooms {
    private final RoomBroker broker;
    private final boolean inline;
    /** The says when the broker publishes asynchronously (pipelined); null otherwise. */
    private final PipelinedSays pipelined;
    private final Executor workers;
    private final RoomPolicy policy;
    private final RequestLimiter limiter;
    private final LocalRooms local;

    /** The room operations of a session, run one at a time by {@link #apply}. */
    private enum Op { JOIN, LEAVE, LEAVE_ALL, VIEW, SAY }

    /** Creates the service running everything on the calling thread (tests, tools), starting the broker's delivery. */
    public RoomService(RoomBroker broker) {
        this(broker, Runnable::run, new Refusals());
    }

    /**
     * Creates the service and starts the broker's delivery: broker calls of a broker that may
     * block and large-room fan-out run on {@code workers}.
     */
    public RoomService(RoomBroker broker, Executor workers, Refusals refusals) {
        this(broker, workers, refusals, RoomPolicy.open(), new RequestLimiter(RateLimits.defaults(), refusals));
    }

    /**
     * Creates the service with the application's room authorization ({@code policy}, asked on
     * every join and say) and the request rate limits ({@code limiter}, one request per join,
     * leave, view or say of a session; a session's {@code leaveAll} at close is never limited).
     */
    public RoomService(RoomBroker broker, Executor workers, Refusals refusals, RoomPolicy policy,
                       RequestLimiter limiter) {
        this.policy = policy;
        this.limiter = limiter;
        this.broker = broker;
        this.inline = broker.nonBlocking();
        this.pipelined = !inline && broker.asyncPublish()
                ? new PipelinedSays(broker, limiter, workers, this::checkedSay) : null;
        this.workers = workers;
        this.local = new LocalRooms(broker, workers, refusals);
        broker.start(local::deliver);
    }

    @Override
    public boolean create(String room) {
        return broker.createRoom(room);
    }

    /** Destroys the room; its local members are removed from it at once (not through their queues). */
    @Override
    public boolean destroy(String room) {
        boolean existed = broker.destroyRoom(room);
        local.destroyed(room);
        return existed;
    }

    @Override
    public boolean exists(String room) {
        return broker.roomExists(room);
    }

    @Override
    public Set<String> list() {
        return broker.rooms();
    }

    @Override
    public RoomView view(String room) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        return new RoomView(room, broker.members(room));
    }

    @Override
    public void broadcast(String room, String message) {
        if (!broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        broker.publish(new RoomMessage(room, RoomMessage.SERVER, message, System.currentTimeMillis()));
    }

    /** Joins a session to an existing room; completes with joinedAt (ms). */
    public CompletableFuture<Long> join(Session session, String room) {
        return submit(Op.JOIN, session, room, null);
    }

    /** Removes a session from a room it is in. */
    public CompletableFuture<Void> leave(Session session, String room) {
        return submit(Op.LEAVE, session, room, null);
    }

    /** Removes a closing session from every room it joined, after its pending operations. */
    public CompletableFuture<Void> leaveAll(Session session) {
        return submit(Op.LEAVE_ALL, session, null, null);
    }

    /** The room's members, for a session that is one of them. */
    public CompletableFuture<RoomView> view(Session session, String room) {
        return submit(Op.VIEW, session, room, null);
    }

    /** Broadcasts a member's message to the room (the sender receives it too). */
    public CompletableFuture<Void> say(Session session, String room, String message) {
        if (pipelined != null) {
            return pipelined.say(session, room, message);
        }
        return submit(Op.SAY, session, room, message);
    }

    /** Queues the operation behind the session's previous one; runs it now when none is pending. */
    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> submit(Op op, Session session, String room, String text) {
        if (op != Op.LEAVE_ALL) {
            TetherException limited = limiter.admit(session);
            if (limited != null) {
                return CompletableFuture.failedFuture(limited);
            }
        }
        RoomMembership m = session.membership();
        CompletableFuture<Object> done = new CompletableFuture<>();
        CompletableFuture<?> previous = m.enqueue(done);
        if (previous == null || previous.isDone()) {
            start(op, session, m, room, text, done);
        } else {
            previous.whenComplete((r, e) -> start(op, session, m, room, text, done));
        }
        // a caller cancelling what it got must not release the queue early
        return (CompletableFuture<T>) (done.isDone() ? done : done.copy());
    }

    private void start(Op op, Session s, RoomMembership m, String room, String text, CompletableFuture<Object> done) {
        if (inline) {
            run(op, s, m, room, text, done);
            return;
        }
        try {
            workers.execute(() -> run(op, s, m, room, text, done));
        } catch (RejectedExecutionException stopping) {
            m.release(done);
            done.completeExceptionally(new TetherException(ErrorCode.SHUTTING_DOWN, "the server is shutting down"));
        }
    }

    /**
     * Runs the operation and completes {@code done} with its result; a leave's result is the
     * stage of the member leaving the fan-out ({@link #leaveInOrder}), which {@code done} (and
     * the session's next operation) waits for.
     */
    private void run(Op op, Session s, RoomMembership m, String room, String text, CompletableFuture<Object> done) {
        Object result = null;
        Throwable failure = null;
        try {
            result = apply(op, s, m, room, text);
        } catch (Throwable t) { // carried by the future, which the caller observes
            failure = t;
        }
        if (result instanceof CompletableFuture<?> later) {
            later.whenComplete((ok, error) -> finish(m, done, null, unwrapped(error)));
        } else {
            finish(m, done, result, failure);
        }
    }

    private static void finish(RoomMembership m, CompletableFuture<Object> done, Object result, Throwable failure) {
        m.release(done);
        if (failure == null) {
            done.complete(result);
        } else {
            done.completeExceptionally(failure);
        }
    }

    /** A stage's failure as it was thrown (a {@link CompletionException}'s cause); null stays null. */
    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private Object apply(Op op, Session s, RoomMembership m, String room, String text) {
        return switch (op) {
            case JOIN -> joinNow(s, m, room);
            case LEAVE -> {
                m.require(room);
                yield leaveInOrder(s, m, room);
            }
            case LEAVE_ALL -> {
                leaveAllNow(s, m);
                yield null;
            }
            case VIEW -> {
                m.require(room);
                yield view(room);
            }
            case SAY -> {
                sayNow(s, m, room, text);
                yield null;
            }
        };
    }

    private long joinNow(Session s, RoomMembership m, String room) {
        if (room == null || !broker.roomExists(room)) {
            throw new TetherException(ErrorCode.ROOM_NOT_FOUND, "room does not exist");
        }
        if (!policy.mayJoin(s, room)) {
            throw new TetherException(ErrorCode.FORBIDDEN, "not allowed to join this room (" + room + ")");
        }
        long joinedAt = System.currentTimeMillis();
        if (!broker.addMember(room, s.id(), joinedAt)) {
            throw new TetherException(ErrorCode.ALREADY_IN_ROOM, "connection already in this room (" + room + ")");
        }
        m.add(room);
        local.add(room, s);
        return joinedAt;
    }

    /**
     * An explicit leave: the membership goes at once, the member stays in the room's fan-out
     * until what was published into the room before reached it ({@link RoomBroker#awaitDelivered},
     * {@link LocalRooms#depart}); the future completes then. Always succeeds locally; a broker
     * failure completes the future exceptionally after the local removal.
     */
    private CompletableFuture<Void> leaveInOrder(Session s, RoomMembership m, String room) {
        m.remove(room);
        RuntimeException failure = null;
        try {
            broker.removeMember(room, s.id());
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            broker.awaitDelivered(room);
        } catch (RuntimeException e) { // the contract says it never throws; the member still goes
            failure = failure == null ? e : failure;
        }
        RuntimeException reported = failure;
        return local.depart(room, s).thenRun(() -> {
            if (reported != null) {
                throw reported;
            }
        });
    }

    /** Leaving at close: always succeeds locally; a broker failure is reported after the local removal. */
    private void leaveNow(Session s, RoomMembership m, String room) {
        m.remove(room);
        local.remove(room, s);
        broker.removeMember(room, s.id());
    }

    private void leaveAllNow(Session s, RoomMembership m) {
        RuntimeException first = null;
        for (String room : m.rooms()) {
            try {
                leaveNow(s, m, room);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void sayNow(Session s, RoomMembership m, String room, String message) {
        broker.publish(checkedSay(s, m, room, message));
    }

    /** The message a member may say, after the argument, membership and policy checks (which throw). */
    private RoomMessage checkedSay(Session s, RoomMembership m, String room, String message) {
        if (room == null || room.isEmpty() || message == null || message.isEmpty()) {
            throw new TetherException(ErrorCode.ROOM_ARGUMENTS_REQUIRED, "both room and message are required");
        }
        m.require(room);
        if (!policy.maySay(s, room, message)) {
            throw new TetherException(ErrorCode.FORBIDDEN, "not allowed to say in this room (" + room + ")");
        }
        return new RoomMessage(room, s.id(), message, System.currentTimeMillis());
    }
}
