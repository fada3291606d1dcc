package io.tether.core.room;

import io.tether.core.session.Session;
import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial fan-out of one room's messages to its local members: messages are delivered one
 * at a time, in the order they were published, so every member sees them in that order. A
 * message costs each event loop with members of the room one task ({@link LoopMembers}, which
 * writes to all of them there), whatever the number of members; members without a loop are
 * handed the message here, one by one. A room of at most {@link #INLINE_MEMBERS} such members
 * is served on the publishing thread (e.g. the sender's event loop, which only posts the loops'
 * tasks), at most {@link #INLINE_MESSAGES} messages at a time; a room with more of them, or
 * a backlog, is served by the core's workers, {@link #WORKER_MESSAGES} messages per task, so no
 * publishing thread does unbounded work for a room. At most {@link #MAX_QUEUED} messages wait; more
 * are dropped ({@link Refusal#OVERLOADED}, logged once per episode).
 *
 * <p>A member's departure goes through the same queue ({@link #after}): it runs once every
 * message queued before it has been handed on, so a member that leaves still gets what was
 * published into the room before its leave. Departures are never dropped. Thread-safe,
 * lock-free.
 */
final class RoomFanout {
    /** Most members without an event loop of a room fanned out on the publishing thread. */
    static final int INLINE_MEMBERS = 64;
    /** Messages one publishing thread delivers at most before handing the rest to a worker. */
    static final int INLINE_MESSAGES = 4;
    /** Messages one worker task delivers before it yields to other work. */
    static final int WORKER_MESSAGES = 64;
    /** Messages waiting for fan-out, per room. */
    static final int MAX_QUEUED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RoomFanout.class);

    private final String room;
    private final Collection<Session> direct;
    private final Collection<LoopMembers> loops;
    private final Executor workers;
    private final Refusals refusals;
    /** {@link RoomDelivery}s and {@link #after} barriers ({@link Runnable}s), in publish order. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** Deliveries in the queue (barriers are not counted: they are never dropped). */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean dropping = new AtomicBoolean();

    RoomFanout(String room, Collection<Session> direct, Collection<LoopMembers> loops, Executor workers,
               Refusals refusals) {
        this.room = room;
        this.direct = direct;
        this.loops = loops;
        this.workers = workers;
        this.refusals = refusals;
    }

    /** Queues a message for every member; delivers it here when the room is small and idle. */
    void publish(RoomDelivery delivery) {
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            refusals.count(Refusal.OVERLOADED);
            if (!dropping.getAndSet(true)) { // once per episode, not once per message
                LOG.info("room {}: dropping messages, over {} wait for fan-out", room, MAX_QUEUED);
            }
            return;
        }
        enqueue(delivery);
    }

    /**
     * Runs {@code barrier} once every message queued before it has been handed on (posted to
     * the members' event loops, delivered to the others), on the thread that fans out then;
     * never dropped. It must not block.
     */
    void after(Runnable barrier) {
        enqueue(barrier);
    }

    private void enqueue(Object item) {
        queue.add(item);
        if (!running.compareAndSet(false, true)) {
            return; // whoever is delivering takes it, in order
        }
        if (direct.size() <= INLINE_MEMBERS) {
            drain(INLINE_MESSAGES);
        } else {
            handOff();
        }
    }

    /** Delivers up to {@code budget} messages while owning the room, then hands off or releases it. */
    private void drain(int budget) {
        while (true) {
            Object item;
            while ((item = queue.poll()) != null) {
                if (item instanceof RoomDelivery d) {
                    queued.decrementAndGet();
                    deliver(d);
                } else {
                    runBarrier((Runnable) item);
                }
                if (--budget <= 0 && !queue.isEmpty()) {
                    handOff();
                    return;
                }
            }
            running.set(false);
            dropping.set(false);
            if (queue.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void deliver(RoomDelivery d) {
        for (LoopMembers group : loops) {
            group.post(d);
        }
        for (Session c : direct) {
            try {
                c.deliver(d);
            } catch (RuntimeException e) {
                LOG.warn("room {}: delivery to {} failed", room, c, e);
            }
        }
    }

    private void runBarrier(Runnable barrier) {
        try {
            barrier.run();
        } catch (RuntimeException e) {
            LOG.warn("room {}: a departure failed", room, e);
        }
    }

    private void handOff() {
        try {
            workers.execute(() -> drain(WORKER_MESSAGES));
        } catch (RejectedExecutionException stopping) {
            // the core is stopping: messages are dropped, departures still run (their callers wait)
            Object item;
            while ((item = queue.poll()) != null) {
                if (!(item instanceof RoomDelivery)) {
                    runBarrier((Runnable) item);
                }
            }
            queued.set(0);
            running.set(false);
        }
    }
}
