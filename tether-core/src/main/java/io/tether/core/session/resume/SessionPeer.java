package io.tether.core.session.resume;

import io.tether.api.ErrorCode;
import io.tether.api.Principal;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ResumableSession}'s client as a {@link JstpPeer}: the server's calls, inspects,
 * events and pings go through the session's ordered outbox (ids −1, −2, …, buffered until
 * acknowledged, resent on restore); their answers arrive through
 * {@link ResumableSession#answered}. Made on first use; holds nothing but the session until the
 * first call (the table of pending calls is the session's, made then). Thread-safe.
 */
public final class SessionPeer implements JstpPeer {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPeer.class);

    private final ResumableSession session;
    private final PeerCallSettings settings;

    SessionPeer(ResumableSession session, PeerCallSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public String sessionId() {
        return session.id();
    }

    @Override
    public String remoteAddress() {
        return session.address();
    }

    @Override
    public Optional<Principal> principal() {
        return session.principal();
    }

    @Override
    public String application() {
        return session.application();
    }

    @Override
    public String applicationVersion() {
        return session.applicationVersion();
    }

    @Override
    public boolean isConnected() {
        return session.isAttached();
    }

    @Override
    public boolean isClosed() {
        return session.isDropped();
    }

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args) {
        return callMethod(iface, method, args, settings.callTimeout());
    }

    @Override
    public CompletableFuture<List<Object>> callMethod(String iface, String method, List<?> args, Duration timeout) {
        return request(new Outbound.Call(iface, method, copy(args)), false, timeout);
    }

    @Override
    public CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, List<?> args) {
        return callMethodWithResend(iface, method, args, settings.callTimeout());
    }

    @Override
    public CompletableFuture<List<Object>> callMethodWithResend(String iface, String method, List<?> args,
                                                                Duration timeout) {
        return request(new Outbound.Call(iface, method, copy(args)), true, timeout);
    }

    @Override
    public CompletableFuture<List<String>> inspectInterface(String iface) {
        return request(new Outbound.Inspect(iface), false, settings.callTimeout()).thenApply(names -> {
            List<String> out = new ArrayList<>(names.size());
            names.forEach(n -> out.add(String.valueOf(n)));
            return List.copyOf(out);
        });
    }

    @Override
    public boolean emitRemoteEvent(String iface, String event, List<?> args) {
        return session.emit(iface, event, copy(args));
    }

    @Override
    public CompletableFuture<Duration> ping() {
        long start = System.nanoTime();
        return request(Outbound.ping(), false, settings.callTimeout())
                .thenApply(pong -> Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public void startHeartbeat(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be > 0");
        }
        ScheduledExecutorService timer = timer();
        long nanos = interval.toNanos();
        session.withPeerCalls(calls -> {
            if (!session.isDropped()) {
                calls.startHeartbeat(timer.scheduleAtFixedRate(this::beat, nanos, nanos, TimeUnit.NANOSECONDS));
            }
        });
    }

    private void beat() {
        if (!session.isAttached()) {
            return; // no pings piling up in the buffer while the client reconnects
        }
        try {
            session.originate(Outbound.ping());
        } catch (RuntimeException gone) { // dropped meanwhile: its drop cancels this task
            LOG.debug("heartbeat of {} stopped: {}", session, gone.toString());
        }
    }

    @Override
    public void stopHeartbeat() {
        session.withPeerCalls(PeerCalls::stopHeartbeat);
    }

    @Override
    public void close() {
        session.close();
    }

    private CompletableFuture<List<Object>> request(Outbound.Originated message, boolean resend, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<List<Object>> answer = new CompletableFuture<>();
        PeerCalls.Pending p = session.request(message, resend, answer);
        ScheduledExecutorService timer = settings.timer();
        if (p != null && timer != null) {
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                if (session.expire(p)) {
                    settings.completions().execute(() -> answer.completeExceptionally(new TetherException(
                            ErrorCode.PEER_TIMEOUT, "the client did not answer within " + timeout.toMillis() + " ms")));
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            answer.whenComplete((v, e) -> deadline.cancel(false));
        }
        return answer;
    }

    private ScheduledExecutorService timer() {
        ScheduledExecutorService timer = settings.timer();
        if (timer == null) {
            throw new IllegalStateException("this listener's sessions have no timer for a heartbeat");
        }
        return timer;
    }

    private static List<Object> copy(List<?> args) {
        return new ArrayList<>(Objects.requireNonNull(args, "args"));
    }

    @Override
    public String toString() {
        return "JstpPeer[" + session + "]";
    }
}
