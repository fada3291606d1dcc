package io.tether.testkit.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ConnectionInfo;
import io.tether.api.ErrorCode;
import io.tether.api.Principal;
import io.tether.api.SessionHandle;
import io.tether.api.TetherException;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The test application's per-session timers and recorded events. */
class SessionTimersTest {
    private final FakeSession session = new FakeSession();

    /** A session handle whose end the test decides. */
    private static final class FakeSession implements SessionHandle {
        private final Map<String, Object> data = new ConcurrentHashMap<>();
        private final List<Runnable> endHooks = new CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "s1";
        }

        @Override
        public ConnectionInfo connection() {
            return new ConnectionInfo("s1", "jstp", "127.0.0.1", 1, 0);
        }

        @Override
        public Optional<Principal> principal() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> data() {
            return data;
        }

        @Override
        public boolean emit(String iface, String event, List<?> args) {
            return false;
        }

        @Override
        public void close() {
            endHooks.forEach(Runnable::run);
        }

        @Override
        public void onEnd(Runnable hook) {
            endHooks.add(hook);
        }
    }

    @Test
    void endingTheSessionCancelsItsTimersAndReleasesTheirPayloads() {
        SessionTimers timers = SessionTimers.of(session);
        assertThat(SessionTimers.of(session)).isSameAs(timers);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        Object[] payload = {new byte[1024 * 1024]};
        WeakReference<Object> ref = new WeakReference<>(payload[0]);
        for (int i = 0; i < SessionTimers.MAX_PENDING; i++) {
            Object held = payload[0];
            timers.schedule(50_000, 1, () -> ran.set(held.hashCode()), cancelled::incrementAndGet);
        }
        assertThatThrownBy(() -> timers.schedule(1, 1, () -> { }, () -> { }))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_PENDING));

        session.close();
        assertThat(cancelled).hasValue(SessionTimers.MAX_PENDING);
        assertThat(timers.pending()).isZero();
        payload[0] = null;
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
        }
        assertThat(ref.get()).as("payload released").isNull();
        assertThat(ran).hasValue(0);
        assertThatThrownBy(() -> timers.schedule(1, 1, () -> { }, () -> { }))
                .isInstanceOf(TetherException.class);
    }

    @Test
    void aSessionThatDoesNotEndKeepsItsTimers() throws Exception {
        SessionTimers timers = SessionTimers.of(session);
        CountDownLatch ran = new CountDownLatch(1);
        timers.schedule(200, 1, ran::countDown, () -> { });
        assertThat(timers.pending()).isEqualTo(1);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> timers.schedule(60_001, 1, () -> { }, () -> { }))
                .isInstanceOfSatisfying(TetherException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_INVALID));
    }

    @Test
    void aTimerThatRanFreesItsSlot() throws Exception {
        SessionTimers timers = SessionTimers.of(session);
        CountDownLatch done = new CountDownLatch(1);
        timers.schedule(0, 1, done::countDown, () -> { });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().until(() -> timers.pending() == 0);
        timers.schedule(50_000, (int) SessionTimers.MAX_PENDING_CHARS, () -> { }, () -> { });
        assertThatThrownBy(() -> timers.schedule(1, 1, () -> { }, () -> { }))
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
