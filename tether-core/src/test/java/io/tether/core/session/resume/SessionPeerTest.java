package io.tether.core.session.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpPeer;
import io.tether.core.session.resume.ResumableSessionTest.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionPeerTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ResumeProtocol protocol = new ResumeProtocol("test", TestEncoder.INSTANCE, (s, d) -> { },
            s -> { }, new PeerCallSettings(timer, Runnable::run, Duration.ofSeconds(30), 3));
    private final ResumableSession session = ResumableSession.open(protocol,
            SessionQuota.unbounded(SessionLimits.defaults()), "10.0.0.7", 1, "app", "1.2.3");
    private final Recorder wire = new Recorder();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private JstpPeer attached() {
        session.attachNew(wire, TestEncoder.handshakeOk(session.token()));
        return session.jstpPeer().orElseThrow();
    }

    private static TetherException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return (TetherException) e.getCause();
        }
    }

    @Test
    void aSessionThatNeverCallsItsClientHasNoPeerState() {
        session.answered(-1, List.of(1), null);
        assertThat(session.heartbeatControlled()).isFalse();
        JstpPeer peer = attached();
        assertThat(peer.sessionId()).isEqualTo(session.id());
        assertThat(peer.remoteAddress()).isEqualTo("10.0.0.7");
        assertThat(peer.application()).isEqualTo("app");
        assertThat(peer.applicationVersion()).isEqualTo("1.2.3");
        assertThat(peer.username()).isNull();
        assertThat(peer.isConnected()).isTrue();
    }

    @Test
    void aCallIsOriginatedWithTheNextIdAndCompletedByItsCallback() {
        JstpPeer peer = attached();
        session.emit("i", "e", List.of());
        CompletableFuture<List<Object>> call = peer.callMethod("clientApi", "hello", List.of("x"));
        assertThat(wire.sent).last().isEqualTo("{call:[-2,'clientApi'],hello:['x']}");
        assertThat(call).isNotDone();
        session.answered(-1, List.of("not mine"), null); // the event's id: nothing waits for it
        assertThat(call).isNotDone();
        session.acknowledge(-2);
        session.answered(-2, List.of("hi x"), null);
        assertThat(call.join()).containsExactly("hi x");
        assertThat(session.state().bufferedIds()).isEmpty();
    }

    @Test
    void anErrorAnswerCarriesTheClientsCode() {
        JstpPeer peer = attached();
        CompletableFuture<List<Object>> call = peer.callMethod("clientApi", "nope", List.of());
        session.answered(-1, null, List.of(14, "no such method", 7));
        TetherException e = failure(call);
        assertThat(e.protocolCode()).hasValue(14);
        assertThat(e.getMessage()).isEqualTo("no such method");
        assertThat(e.info()).containsExactly(7);
    }

    @Test
    void inspectAndPingAreAnsweredByCallbackAndPong() {
        JstpPeer peer = attached();
        CompletableFuture<List<String>> names = peer.inspectInterface("clientApi");
        CompletableFuture<Duration> ping = peer.ping();
        assertThat(wire.sent).endsWith("{inspect:[-1,'clientApi']}", "{ping:[-2]}");
        session.answered(-2, List.of(), null);
        session.answered(-1, List.of("a", "b"), null);
        assertThat(names.join()).containsExactly("a", "b");
        assertThat(ping.join()).isPositive();
    }

    @Test
    void aCallPastTheDeadlineFailsWithPeerTimeoutAndALateAnswerIsIgnored() throws Exception {
        JstpPeer peer = attached();
        CompletableFuture<List<Object>> call = peer.callMethod("i", "m", List.of(), Duration.ofMillis(50));
        Throwable t = call.handle((v, e) -> e).get(20, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(TetherException.class);
        assertThat(((TetherException) t).code()).isEqualTo(ErrorCode.PEER_TIMEOUT);
        session.answered(-1, List.of(1), null);
        assertThat(peer.callMethod("i", "m", List.of())).isNotDone(); // the expired call no longer counts
    }

    @Test
    void callsCountAgainstTheInFlightLimitTogetherWithReceivedCalls() {
        JstpPeer peer = attached();
        peer.callMethod("i", "a", List.of());
        peer.callMethod("i", "b", List.of());
        peer.callMethod("i", "c", List.of());
        TetherException e = failure(peer.callMethod("i", "d", List.of()));
        assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PENDING);
        assertThat(wire.sent).hasSize(4); // the handshake reply and three calls
        session.answered(-1, List.of(), null);
        assertThat(peer.callMethod("i", "e", List.of())).isNotDone();
    }

    @Test
    void aCallMadeWhileDetachedIsSentOnRestoreAndAnsweredThen() {
        JstpPeer peer = attached();
        session.detach(wire);
        CompletableFuture<List<Object>> call = peer.callMethod("i", "m", List.of(1));
        assertThat(peer.isConnected()).isFalse();
        Recorder second = new Recorder();
        session.restore(0, second, TestEncoder::handshakeRestored);
        assertThat(second.sent).containsExactly("{handshake:[0],ok:0}", "{call:[-1,'i'],m:[1]}");
        session.answered(-1, List.of(2), null);
        assertThat(call.join()).containsExactly(2);
    }

    @Test
    void aReceivedCallWhoseAnswerWasLostFailsOrIsResentWithANewId() {
        JstpPeer peer = attached();
        CompletableFuture<List<Object>> plain = peer.callMethod("i", "plain", List.of());
        CompletableFuture<List<Object>> resent = peer.callMethodWithResend("i", "again", List.of());
        CompletableFuture<List<Object>> unseen = peer.callMethod("i", "unseen", List.of());
        session.detach(wire);
        Recorder second = new Recorder();
        session.restore(2, second, TestEncoder::handshakeRestored); // the client got −1 and −2, not −3
        assertThat(failure(plain).code()).isEqualTo(ErrorCode.CALLBACK_LOST);
        assertThat(second.sent).containsExactly("{handshake:[0],ok:0}", "{call:[-3,'i'],unseen:[]}",
                "{call:[-4,'i'],again:[]}");
        session.answered(-4, List.of("twice"), null);
        session.answered(-3, List.of("once"), null);
        assertThat(resent.join()).containsExactly("twice");
        assertThat(unseen.join()).containsExactly("once");
    }

    @Test
    void closingFailsPendingCallsWithSessionClosedAndRefusesNewOnes() {
        JstpPeer peer = attached();
        CompletableFuture<List<Object>> call = peer.callMethod("i", "m", List.of());
        peer.close();
        assertThat(wire.closed).isTrue();
        assertThat(peer.isClosed()).isTrue();
        assertThat(failure(call).code()).isEqualTo(ErrorCode.SESSION_CLOSED);
        assertThat(failure(peer.callMethod("i", "m", List.of())).code()).isEqualTo(ErrorCode.SESSION_CLOSED);
        assertThat(peer.emitRemoteEvent("i", "e", List.of())).isFalse();
    }

    @Test
    void aHandedOffSessionFailsItsCallsWithSessionMoved() {
        JstpPeer peer = attached();
        CompletableFuture<List<Object>> call = peer.callMethod("i", "m", List.of());
        session.handOff(message -> { }, snapshot -> { });
        assertThat(failure(call).code()).isEqualTo(ErrorCode.SESSION_MOVED);
        assertThat(failure(peer.callMethod("i", "m", List.of())).code()).isEqualTo(ErrorCode.SESSION_MOVED);
    }

    @Test
    void theHeartbeatPingsWhileAttachedAndStops() throws Exception {
        JstpPeer peer = attached();
        peer.startHeartbeat(Duration.ofMillis(20));
        assertThat(session.heartbeatControlled()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> wire.pings() >= 2);
        peer.stopHeartbeat();
        // stopped: no ping for 300 ms (20 ms apart while running), once a tick already running has landed
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(wire.pings());
        await().atMost(Duration.ofSeconds(20)).during(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(20))
                .until(() -> seen.getAndSet(wire.pings()) == seen.get());
        assertThat(session.heartbeatControlled()).isTrue();
        assertThatThrownBy(() -> peer.startHeartbeat(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
