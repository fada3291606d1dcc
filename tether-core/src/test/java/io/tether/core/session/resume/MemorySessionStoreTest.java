package io.tether.core.session.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.Refusals;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory store forgets a session when it ends, through its quota (no hook per session). */
class MemorySessionStoreTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SessionQuota quota = new SessionQuota(SessionLimits.defaults(), 1 << 20, 100, 100, new Refusals());
    private final MemorySessionStore store = new MemorySessionStore(Duration.ofMinutes(10), quota, timer);

    @AfterEach
    void stop() {
        store.close();
        timer.shutdownNow();
    }

    @Test
    void aDroppedSessionLeavesTheStoreAndCannotBeFound() {
        ResumableSession kept = TestEncoder.open(quota, "10.0.0.1");
        ResumableSession dropped = TestEncoder.open(quota, "10.0.0.1");
        store.save(kept);
        store.save(dropped);
        assertThat(store.size()).isEqualTo(2);

        dropped.drop();

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.find(dropped.token(), null)).isEmpty();
        assertThat(store.find(kept.token(), null)).containsSame(kept);
    }

    @Test
    void aSessionDroppedBeforeItIsSavedIsNotKept() {
        ResumableSession s = TestEncoder.open(quota, "10.0.0.1");
        s.drop();

        store.save(s);

        assertThat(store.size()).isZero();
    }

    @Test
    void aHandedOffSessionLeavesTheStore() {
        ResumableSession s = TestEncoder.open(quota, "10.0.0.1");
        store.save(s);

        s.handOff(message -> { }, snapshot -> { });

        assertThat(store.size()).isZero();
    }

    @Test
    void everyStoreOfASharedQuotaForgetsOnlyItsOwnSessions() {
        MemorySessionStore other = new MemorySessionStore(Duration.ofMinutes(10), quota, timer);
        try {
            ResumableSession mine = TestEncoder.open(quota, "10.0.0.1");
            ResumableSession theirs = TestEncoder.open(quota, "10.0.0.2");
            store.save(mine);
            other.save(theirs);

            theirs.drop();

            assertThat(store.size()).isEqualTo(1);
            assertThat(other.size()).isZero();
        } finally {
            other.close();
        }
    }
}
