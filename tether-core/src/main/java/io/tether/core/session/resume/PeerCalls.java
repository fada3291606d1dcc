package io.tether.core.session.resume;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.ToLongFunction;

/**
 * The calls, inspects and pings a session's server made to its client that await an answer,
 * by message id (negative), and the session's own heartbeat. Made on the first server call of
 * a session, so sessions that never call their client carry none. Futures are completed on the
 * settings' executor, never inline. Not thread-safe: the owning {@link ResumableSession} guards
 * it with its lock.
 */
final class PeerCalls {
    private final PeerCallSettings settings;
    private final Map<Long, Pending> pending = new HashMap<>(4);
    private ScheduledFuture<?> heartbeat;
    private boolean heartbeatControlled;

    /** One request awaiting its answer. */
    record Pending(Outbound.Originated message, CompletableFuture<List<Object>> future, boolean resend) {
    }

    PeerCalls(PeerCallSettings settings) {
        this.settings = settings;
    }

    int size() {
        return pending.size();
    }

    void add(long id, Pending p) {
        pending.put(id, p);
    }

    /** Completes the request with this id, if any, with the answer's {@code ok} or {@code error} values. */
    void answer(long id, List<Object> ok, List<Object> error) {
        Pending p = pending.remove(id);
        if (p == null) {
            return;
        }
        if (error != null) {
            fail(p, remoteError(error));
        } else {
            List<Object> values = ok == null ? List.of() : ok;
            settings.completions().execute(() -> p.future().complete(values));
        }
    }

    /** Forgets {@code p} if it still waits (its deadline passed); true if it did. */
    boolean expire(Pending p) {
        return pending.values().remove(p);
    }

    /**
     * After a restore: the client received every request up to {@code clientReceived}, so one
     * still waiting lost its answer with the old transport. A resend request is sent again with
     * a new id ({@code resend} originates it), the others fail with {@link ErrorCode#CALLBACK_LOST}.
     */
    void restored(long clientReceived, ToLongFunction<Outbound.Originated> resend) {
        TreeMap<Long, Pending> again = null; // by id descending: −1 before −2, the original order
        for (Iterator<Map.Entry<Long, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Pending> e = it.next();
            if (-e.getKey() > clientReceived) {
                continue; // still buffered: resent as it is, answered later
            }
            it.remove();
            if (e.getValue().resend()) {
                again = again == null ? new TreeMap<>(Comparator.reverseOrder()) : again;
                again.put(e.getKey(), e.getValue());
            } else {
                fail(e.getValue(), new TetherException(ErrorCode.CALLBACK_LOST,
                        "the client's answer was lost with its transport"));
            }
        }
        if (again != null) {
            for (Pending p : again.values()) {
                try {
                    pending.put(resend.applyAsLong(p.message()), p);
                } catch (RuntimeException overflow) {
                    fail(p, overflow);
                }
            }
        }
    }

    /** Fails every request (the session ended or moved). */
    void failAll(TetherException why) {
        pending.values().forEach(p -> fail(p, why));
        pending.clear();
        stopHeartbeat();
    }

    void fail(Pending p, Throwable why) {
        settings.completions().execute(() -> p.future().completeExceptionally(why));
    }

    /** Starts (or replaces) the session's heartbeat. */
    void startHeartbeat(ScheduledFuture<?> task) {
        stopHeartbeat();
        heartbeat = task;
        heartbeatControlled = true;
    }

    /** Stops the session's heartbeat; the listener's stays off for this session. */
    void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        heartbeatControlled = true;
    }

    /** Whether the application took over the heartbeat of this session. */
    boolean heartbeatControlled() {
        return heartbeatControlled;
    }

    /** The client's error array as an exception carrying its numeric code. */
    static TetherException remoteError(List<Object> error) {
        int code = !error.isEmpty() && error.get(0) instanceof Number n ? n.intValue() : 1;
        String message = error.size() > 1 && error.get(1) != null ? String.valueOf(error.get(1))
                : "the client answered error " + code;
        List<Object> info = error.size() > 2 ? new ArrayList<>(error.subList(2, error.size())) : List.of();
        return TetherException.withProtocolCode(code, message, info);
    }
}
