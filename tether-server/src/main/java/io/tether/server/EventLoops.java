package io.tether.server;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the protocol adapters hand work to a connection's event loop from another
 * thread (an action's worker, a room's fan-out, the session's lock holder): {@link #run} runs
 * the task at once when the caller already is on that loop and queues it otherwise;
 * {@link #later} always queues it, behind whatever the loop is doing now (use it where the
 * task must come after the current handler call, e.g. a close after writes already queued).
 * A loop that is shutting down refuses new tasks: the task is then dropped with a DEBUG line
 * (its connection is going away with the loop) and the call returns {@code false}, so a caller
 * that must not lose it can fall back (e.g. close the channel directly). Neither method ever
 * throws {@link RejectedExecutionException}. Stateless; thread-safe.
 *
 * <pre>{@code
 * future.whenComplete((reply, failure) -> EventLoops.run(channel, () -> write(reply)));
 * if (!EventLoops.later(channel, this::sayByeAndClose)) {
 *     channel.close();
 * }
 * }</pre>
 *
 * Public only because the protocol handlers live in sub-packages; not part of the server's API.
 */
public final class EventLoops {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private EventLoops() {
    }

    /** Runs {@code task} on {@code channel}'s event loop: inline when already there, else queued. */
    public static boolean run(Channel channel, Runnable task) {
        return run(channel.eventLoop(), task);
    }

    /**
     * Runs {@code task} on {@code loop}: inline when the caller is on it (an {@link EventExecutor}
     * in its own thread), else queued. Returns false when the loop refused it (shutting down).
     */
    public static boolean run(Executor loop, Runnable task) {
        if (loop instanceof EventExecutor e && e.inEventLoop()) {
            task.run();
            return true;
        }
        return later(loop, task);
    }

    /** Queues {@code task} on {@code channel}'s event loop, even when called on it. */
    public static boolean later(Channel channel, Runnable task) {
        return later(channel.eventLoop(), task);
    }

    /**
     * Queues {@code task} on {@code loop}, even when called on it. Returns false when the loop
     * refused it (shutting down): the task is dropped and logged at DEBUG.
     */
    public static boolean later(Executor loop, Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("dropped a task for an event loop that is shutting down: {}", task);
            return false;
        }
    }
}
