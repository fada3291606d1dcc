package io.tether.server;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadIoEventLoop;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event loops that stay alive when an {@link Error} reaches them.
 *
 * <p><b>Why.</b> In Netty 4.2 an event loop thread runs
 * {@code SingleThreadIoEventLoop.run()}: I/O ({@code runIo()}, i.e. the epoll or NIO
 * handler) and then the task queue ({@code runAllTasks}), in a loop with no catch. The I/O
 * handlers catch {@code Throwable} per iteration but rethrow every {@code Error}, and a task
 * that throws is caught by {@code safeExecute}, which logs it; the pipeline turns an
 * exception of a channel handler into {@code exceptionCaught}, which logs it too. When the
 * heap is exhausted, those log statements fail with a second {@code OutOfMemoryError}, which
 * escapes every catch block up to {@code run()}, and the thread ends. Its executor is then
 * terminated: every channel the acceptor assigns to it is force-closed (every second new
 * connection with two loops), its existing channels are never served again, and shutdown
 * fails with {@code RejectedExecutionException} while draining them.
 *
 * <p><b>Decision: keep the loop alive.</b> An {@code Error} that escapes the I/O pass or a
 * task is caught here, logged at ERROR (without the throwable if even that fails), and the
 * loop continues with its next pass; the other connections of the loop are served as before.
 * Errors raised by our own connection handlers and by actions are handled closer to their
 * cause and never get here: a connection handler closes the offending connection and logs at
 * ERROR ({@link IoErrors}), and an action that throws {@code OutOfMemoryError} or {@code StackOverflowError}
 * is answered as an internal error. Only what escapes those (an {@code Error} in Netty's
 * own code, or while logging) is caught at this level, where the connection concerned is
 * unknown. Failing the process instead was rejected: one client that provokes an
 * {@code Error} (e.g. a deep structure and a {@code StackOverflowError}) would then take the
 * whole server down, which is the denial of service this guards against.
 */
final class GuardedEventLoopGroup extends MultiThreadIoEventLoopGroup {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedEventLoopGroup.class);

    GuardedEventLoopGroup(int threads, ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory) {
        super(threads, threadFactory, ioHandlerFactory);
    }

    @Override
    protected IoEventLoop newChild(Executor executor, IoHandlerFactory ioHandlerFactory, Object... args) {
        return new GuardedEventLoop(this, executor, ioHandlerFactory);
    }

    /** Logs an Error that reached an event loop; never throws. */
    static void survived(Error e, String where) {
        try {
            LOG.error("an Error escaped the {} of event loop {}; the loop keeps running", where,
                    Thread.currentThread().getName(), e);
        } catch (Throwable logFailed) {
            try {
                LOG.error("an Error escaped an event loop (it could not be logged); the loop keeps running");
            } catch (Throwable ignored) {
                // nothing more can be done; the loop must go on
            }
        }
    }

    /** One event loop whose I/O pass and task pass survive an {@link Error}. */
    private static final class GuardedEventLoop extends SingleThreadIoEventLoop {
        GuardedEventLoop(IoEventLoopGroup parent, Executor executor, IoHandlerFactory ioHandlerFactory) {
            super(parent, executor, ioHandlerFactory);
        }

        @Override
        protected int runIo() {
            try {
                return super.runIo();
            } catch (Error e) {
                survived(e, "I/O pass");
                return 0;
            }
        }

        @Override
        protected boolean runAllTasks(long timeoutNanos) {
            try {
                return super.runAllTasks(timeoutNanos);
            } catch (Error e) {
                survived(e, "task pass");
                return true;
            }
        }
    }
}
