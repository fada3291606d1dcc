package io.tether.server;

import io.netty.channel.Channel;
import org.slf4j.Logger;

/**
 * Logging of an {@link Error} raised on an I/O thread, made so that it cannot throw: when the
 * heap is exhausted, building the log event of an {@code OutOfMemoryError} can fail with
 * another one, and a log statement must not be what kills the event loop (see
 * {@link GuardedEventLoopGroup}). Connection handlers close the offending connection
 * <em>before</em> logging.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** Logs at ERROR that {@code channel} was closed after {@code error}; never throws. */
    public static void log(Logger log, Channel channel, Error error) {
        try {
            log.error("closed {} after an Error on its I/O thread", channel.remoteAddress(), error);
        } catch (Throwable logFailed) {
            try {
                log.error("closed a connection after an Error on its I/O thread (it could not be logged)");
            } catch (Throwable ignored) {
                // nothing more can be done here; the event loop must go on
            }
        }
    }
}
