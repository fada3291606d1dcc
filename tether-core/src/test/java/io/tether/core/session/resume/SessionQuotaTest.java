package io.tether.core.session.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import io.tether.core.session.resume.ResumableSessionTest.Recorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The node-wide session bounds: exact budget accounting and the detached-session caps. */
class SessionQuotaTest {
    private final Refusals refusals = new Refusals();

    private SessionQuota quota(long budget, int perNode, int perAddress) {
        return new SessionQuota(SessionLimits.defaults(), budget, perNode, perAddress, refusals);
    }

    private static ResumableSession session(SessionQuota q, String id, String address) {
        return TestEncoder.open(q, address);
    }

    private static long event(ResumableSession s, String name) {
        return s.originate(Outbound.event("i", name, List.of()));
    }

    private static long cost(long id, String name) {
        return SessionBudget.cost(TestEncoder.event(id, "i", name, List.of()));
    }

    @Test
    void budgetIsChargedPerBufferedMessageAndReleasedExactlyOnAcknowledgement() {
        SessionQuota q = quota(1 << 20, 10, 10);
        ResumableSession s = session(q, "a", "10.0.0.1");
        event(s, "a");
        event(s, "b");
        event(s, "c");
        assertThat(q.budget().usedBytes()).isEqualTo(cost(-1, "a") + cost(-2, "b") + cost(-3, "c"));
        s.acknowledge(-2);
        assertThat(q.budget().usedBytes()).isEqualTo(cost(-3, "c"));
        s.acknowledge(-3);
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void heldRepliesAreReleasedWhenRestoreSendsThemAndTheRestOnDrop() {
        SessionQuota q = quota(1 << 20, 10, 10);
        ResumableSession s = session(q, "a", "10.0.0.1");
        Recorder first = new Recorder();
        s.attachNew(first, "hello");
        event(s, "a");
        s.detach(first);
        s.reply(new Outbound.Result(5, List.of(1)));
        long held = SessionBudget.cost(TestEncoder.callbackOk(5, List.of(1)));
        assertThat(q.budget().usedBytes()).isEqualTo(cost(-1, "a") + held);
        s.restore(0, new Recorder(), TestEncoder::handshakeRestored);
        assertThat(q.budget().usedBytes()).isEqualTo(cost(-1, "a"));
        s.drop();
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void handOffAndSnapshotLoadKeepTheAccountingExact() {
        SessionQuota q = quota(1 << 20, 10, 10);
        ResumableSession s = session(q, "a", "10.0.0.1");
        event(s, "a");
        event(s, "b");
        List<SessionSnapshot> last = new ArrayList<>();
        s.handOff(m -> { }, last::add);
        assertThat(q.budget().usedBytes()).isZero();
        assertThat(refusals.get(Refusal.SESSIONS_PER_NODE)).isZero();

        ResumableSession continued = ResumableSession.restored(last.get(0), TestEncoder.PROTOCOL, q, "10.0.0.1", 1);
        assertThat(continued.applicationVersion()).isEqualTo("1.0.0");
        assertThat(q.budget().usedBytes()).isEqualTo(cost(-1, "a") + cost(-2, "b"));
        continued.drop();
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void snapshotPastTheBudgetIsLoadedAndTheNextMessageDropsTheSession() {
        SessionQuota q = quota(300, 10, 10);
        TreeMap<Long, String> buffered = new TreeMap<>(Map.of(1L, "x".repeat(250)));
        ResumableSession s = ResumableSession.restored(new SessionSnapshot("a", null, "app", "1.0.0", Map.of(), 0, 0, -1,
                buffered, List.of(), List.of()), TestEncoder.PROTOCOL, q, "10.0.0.1", 1);
        assertThat(q.budget().usedBytes()).isEqualTo(250 + SessionBudget.ENTRY_OVERHEAD_BYTES);
        assertThatThrownBy(() -> event(s, "b")).isInstanceOf(SessionOverflowException.class);
        assertThat(refusals.get(Refusal.SESSION_BUFFER_BUDGET)).isEqualTo(1);
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void aSessionThatWouldBufferPastTheBudgetIsDroppedAndOthersKeepTheirShare() {
        long one = cost(-1, "a");
        SessionQuota q = quota(2 * one + one / 2, 10, 10);
        ResumableSession x = session(q, "x", "10.0.0.1");
        ResumableSession y = session(q, "y", "10.0.0.2");
        event(x, "a");
        event(y, "a");
        assertThatThrownBy(() -> event(x, "a")).isInstanceOf(SessionOverflowException.class);
        assertThat(x.isDropped()).isTrue();
        assertThat(y.isDropped()).isFalse();
        assertThat(refusals.get(Refusal.SESSION_BUFFER_BUDGET)).isEqualTo(1);
        assertThat(q.budget().usedBytes()).isEqualTo(one);
        y.acknowledge(-1);
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void aSessionOverItsOwnLimitCountsBufferFull() {
        SessionQuota q = new SessionQuota(SessionLimits.builder().maxEntries(2).maxBytes(10_000).build(),
                1 << 20, 10, 10, refusals);
        ResumableSession s = session(q, "a", "10.0.0.1");
        event(s, "a");
        event(s, "b");
        assertThatThrownBy(() -> event(s, "c")).isInstanceOf(SessionOverflowException.class);
        assertThat(refusals.get(Refusal.SESSION_BUFFER_FULL)).isEqualTo(1);
        assertThat(q.budget().usedBytes()).isZero();
    }

    @Test
    void underPressureAnAttachedSessionAsksForAnAcknowledgementAtOnce() {
        long one = cost(-1, "a");
        SessionQuota q = quota(3 * one, 10, 10);
        ResumableSession idle = session(q, "idle", "10.0.0.1");
        event(idle, "a"); // a third of the budget
        ResumableSession live = session(q, "live", "10.0.0.2");
        Recorder t = new Recorder();
        live.attachNew(t, "hello");
        event(live, "a"); // two thirds: past half
        assertThat(t.sent).containsExactly("hello", "{event:[-1,'i'],a:[]}", "{ping:[-2]}");
    }

    @Test
    void detachedSessionsPastThePerAddressCapEvictTheOldestOfThatAddress() {
        SessionQuota q = quota(1 << 20, 100, 2);
        ResumableSession a1 = session(q, "a1", "10.0.0.1");
        ResumableSession a2 = session(q, "a2", "10.0.0.1");
        ResumableSession b1 = session(q, "b1", "10.0.0.2");
        ResumableSession a3 = session(q, "a3", "10.0.0.1");
        List.of(a1, b1, a2, a3).forEach(q::track);
        assertThat(a1.isDropped()).isTrue();
        assertThat(List.of(a2, a3, b1)).noneMatch(ResumableSession::isDropped);
        assertThat(refusals.get(Refusal.SESSIONS_PER_ADDRESS)).isEqualTo(1);
        assertThat(q.detachedCount()).isEqualTo(3);
        assertThat(q.detachedCount("10.0.0.1")).isEqualTo(2);
    }

    @Test
    void detachedSessionsPastTheNodeCapEvictTheOldestAndAttachedOnesAreNeverEvicted() {
        SessionQuota q = quota(1 << 20, 2, 10);
        ResumableSession attached = session(q, "live", "10.0.0.9");
        q.track(attached);
        Recorder t = new Recorder();
        attached.attachNew(t, "hello");
        assertThat(q.detachedCount()).isZero();
        ResumableSession old = session(q, "old", "10.0.0.1");
        ResumableSession mid = session(q, "mid", "10.0.0.2");
        ResumableSession young = session(q, "young", "10.0.0.3");
        q.track(old);
        q.track(mid);
        event(old, "a");
        q.track(young);
        assertThat(old.isDropped()).isTrue();
        assertThat(q.budget().usedBytes()).isZero(); // its buffer was freed
        assertThat(refusals.get(Refusal.SESSIONS_PER_NODE)).isEqualTo(1);
        attached.detach(t); // now the oldest detached is mid
        assertThat(mid.isDropped()).isTrue();
        assertThat(attached.isDropped()).isFalse();
        assertThat(q.detachedCount()).isEqualTo(2);
    }

    @Test
    void restoredSessionsLeaveTheIndexAndDroppedOnesToo() {
        SessionQuota q = quota(1 << 20, 10, 10);
        ResumableSession s = session(q, "a", "10.0.0.1");
        q.track(s);
        assertThat(q.detachedCount()).isEqualTo(1);
        Recorder t = new Recorder();
        s.restore(0, t, TestEncoder::handshakeRestored);
        assertThat(q.detachedCount()).isZero();
        s.detach(t);
        assertThat(q.detachedCount("10.0.0.1")).isEqualTo(1);
        s.drop();
        assertThat(q.detachedCount()).isZero();
        assertThat(q.detachedCount("10.0.0.1")).isZero();
    }

    @Test
    void sessionIdsAreCanonicalUuids() {
        assertThat(SessionIds.wellFormed(SessionIds.next())).isTrue();
        assertThat(SessionIds.wellFormed("00000000-0000-4000-8000-00000000000g")).isFalse();
        assertThat(SessionIds.wellFormed("00000000-0000-4000-8000-000000000000:owner")).isFalse();
        assertThat(SessionIds.wellFormed("00000000x0000-4000-8000-000000000000")).isFalse();
        assertThat(SessionIds.wellFormed(null)).isFalse();
    }
}
