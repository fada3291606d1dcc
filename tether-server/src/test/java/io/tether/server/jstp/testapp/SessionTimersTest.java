package io.tether.server.jstp.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.SessionLimits;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The test application's per-session timers and recorded events. */
class SessionTimersTest {
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final ResumableSession session = ResumableSession.open(
            io.tether.core.session.resume.ResumeProtocol.of("jstp", io.tether.server.jstp.wire.JstpOutbound.INSTANCE),
            io.tether.core.session.resume.SessionQuota.defaults(SessionLimits.defaults()), "127.0.0.1", 1, "testApp", null);

    SessionTimersTest() {
        timer.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void droppingTheSessionCancelsItsTimersAndReleasesTheirPayloads() {
        SessionTimers timers = SessionTimers.of(session);
        assertThat(SessionTimers.of(session)).isSameAs(timers);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        Object[] payload = {new byte[1024 * 1024]};
        WeakReference<Object> ref = new WeakReference<>(payload[0]);
        for (int i = 0; i < SessionTimers.MAX_PENDING; i++) {
            Object held = payload[0];
            timers.schedule(timer, 50_000, 1, () -> ran.set(held.hashCode()), cancelled::incrementAndGet);
        }
        assertThatThrownBy(() -> timers.schedule(timer, 1, 1, () -> { }, () -> { }))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PENDING));
        assertThat(timer.getQueue()).hasSize(SessionTimers.MAX_PENDING);

        session.drop();
        assertThat(cancelled).hasValue(SessionTimers.MAX_PENDING);
        assertThat(timers.pending()).isZero();
        assertThat(timer.getQueue()).isEmpty();
        payload[0] = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
        }
        assertThat(ref.get()).as("payload released").isNull();
        assertThat(ran).hasValue(0);
        assertThatThrownBy(() -> timers.schedule(timer, 1, 1, () -> { }, () -> { }))
                .isInstanceOf(TetherException.class);
    }

    @Test
    void aSessionHandedOffKeepsItsTimersTheirResultsFollowIt() throws Exception {
        SessionTimers timers = SessionTimers.of(session);
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
        timers.schedule(timer, 200, 1, ran::countDown, () -> { });
        List<String> forwarded = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.handOff(m -> forwarded.add(m.toString()), snapshot -> { });
        assertThat(timers.pending()).isEqualTo(1);
        assertThat(ran.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> timers.schedule(timer, 60_001, 1, () -> { }, () -> { }))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_INVALID));
    }

    @Test
    void aTimerThatRanFreesItsSlot() throws Exception {
        SessionTimers timers = SessionTimers.of(session);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        timers.schedule(timer, 0, 1, done::countDown, () -> { });
        assertThat(done.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.awaitility.Awaitility.await().until(() -> timers.pending() == 0);
        timers.schedule(timer, 50_000, (int) SessionTimers.MAX_PENDING_CHARS, () -> { }, () -> { });
        assertThatThrownBy(() -> timers.schedule(timer, 1, 1, () -> { }, () -> { }))
                .as("the payload budget is spent").isInstanceOf(TetherException.class);
    }

    @Test
    void recordedEventsAreBoundedByCountAndSize() {
        ClientEvents events = ClientEvents.of(session);
        for (int i = 0; i < ClientEvents.MAX_EVENTS + 10; i++) {
            events.add("e", List.of(i));
        }
        assertThat(events.list()).hasSize(ClientEvents.MAX_EVENTS).first().isEqualTo(List.of("e", List.of(10)));
        String big = "x".repeat(ClientEvents.MAX_CHARS / 3);
        for (int i = 0; i < 5; i++) {
            events.add("big", List.of(big));
        }
        assertThat(events.list()).hasSize(2).allSatisfy(e -> assertThat(((List<?>) e).get(0)).isEqualTo("big"));
        events.add("huge", List.of("y".repeat(ClientEvents.MAX_CHARS)));
        assertThat(events.list()).hasSize(2);
        assertThat(session.data().get(ClientEvents.KEY)).as("a plain list, carried by snapshots")
                .isInstanceOf(List.class);
    }
}
