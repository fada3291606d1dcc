package io.tether.core.session.resume;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How a protocol's sessions run the calls the server makes to its clients
 * ({@link SessionPeer}): the timer of their deadlines and heartbeats, the executor that
 * completes their futures (never the caller's lock or an I/O thread), the default deadline and
 * the per-connection limit of calls in flight (server calls plus received calls). One instance
 * per listener, inside its {@link ResumeProtocol}.
 *
 * @param timer       deadlines and per-session heartbeats, or null (no deadlines, no heartbeat)
 * @param completions completes the futures of server calls
 * @param callTimeout default deadline of a server call
 * @param maxInFlight calls a connection may have in flight, both directions together
 */
public record PeerCallSettings(ScheduledExecutorService timer, Executor completions, Duration callTimeout,
                               int maxInFlight) {
    /** Checks the parts. */
    public PeerCallSettings {
        Objects.requireNonNull(completions, "completions");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero() || maxInFlight < 1) {
            throw new IllegalArgumentException("callTimeout must be > 0 and maxInFlight >= 1");
        }
    }

    /** Without a timer (no deadlines, no heartbeat), completing on the common pool, no limit (tests, examples). */
    public static PeerCallSettings untimed() {
        return new PeerCallSettings(null, ForkJoinPool.commonPool(), Duration.ofDays(1), Integer.MAX_VALUE);
    }
}
