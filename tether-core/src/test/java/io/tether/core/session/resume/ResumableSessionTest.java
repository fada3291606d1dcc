package io.tether.core.session.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumableSessionTest {
    /** Records what would go on the wire. */
    static final class Recorder implements SessionTransport {
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void send(String text) {
            sent.add(text);
        }

        int pings() {
            return (int) sent.stream().filter(t -> t.startsWith("{ping:")).count();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final ResumableSession session = TestEncoder.open(SessionLimits.defaults());

    private long event(String name) {
        return session.originate(Outbound.event("i", name, List.of()));
    }

    @Test
    void originatedMessagesCountDownAndAreBufferedEvenWhenDetached() {
        assertThat(event("a")).isEqualTo(-1);
        assertThat(event("b")).isEqualTo(-2);
        assertThat(session.state().bufferedIds()).containsExactly(1L, 2L);
        assertThat(session.state().lastId()).isEqualTo(-2);
    }

    @Test
    void acknowledgementIsCumulativeAndIgnoresStrayIds() {
        event("a");
        event("b");
        event("c");
        session.acknowledge(-2);
        assertThat(session.state().bufferedIds()).containsExactly(3L);
        assertThat(session.state().deliveredCount()).isEqualTo(2);
        session.acknowledge(-1);
        assertThat(session.state().deliveredCount()).isEqualTo(2);
        session.acknowledge(-99);
        assertThat(session.state().bufferedIds()).containsExactly(3L);
    }

    @Test
    void receivedCountTracksHighestId() {
        session.received(3);
        session.received(1);
        assertThat(session.state().receivedCount()).isEqualTo(3);
    }

    @Test
    void restoreClosesOldTransportRepliesAndResendsRemainderInOrder() {
        Recorder first = new Recorder();
        session.attachNew(first, TestEncoder.handshakeOk(session.token()));
        session.received(6);
        event("a");
        event("b");
        event("c");
        Recorder second = new Recorder();
        assertThat(session.restore(1, second, TestEncoder::handshakeRestored)).isTrue();
        assertThat(first.closed).isTrue();
        assertThat(second.sent).containsExactly("{handshake:[0],ok:6}", first.sent.get(2), first.sent.get(3));
        assertThat(event("d")).isEqualTo(-4);
        assertThat(second.sent).last().isEqualTo("{event:[-4,'i'],d:[]}");
    }

    @Test
    void repliesCompletedWhileDetachedAreHeldUntilRestore() {
        Recorder first = new Recorder();
        session.attachNew(first, TestEncoder.handshakeOk(session.token()));
        event("a");
        session.detach(first);
        session.reply(new Outbound.Result(5, List.of(1)));
        event("b");
        Recorder second = new Recorder();
        session.restore(0, second, TestEncoder::handshakeRestored);
        assertThat(second.sent).containsExactly("{handshake:[0],ok:0}", "{event:[-1,'i'],a:[]}",
                "{event:[-2,'i'],b:[]}", "{callback:[5],ok:[1]}");
        assertThat(session.state().heldCallbacks()).isZero();
    }

    @Test
    void overflowDropsSessionAndClosesTransport() {
        ResumableSession small = TestEncoder.open(SessionLimits.builder().maxEntries(3).maxBytes(1_000).build());
        Recorder t = new Recorder();
        List<Boolean> dropped = new ArrayList<>();
        small.onDrop(() -> dropped.add(true));
        small.attachNew(t, "x");
        small.originate(Outbound.ping());
        small.originate(Outbound.ping());
        assertThat(small.state().bufferedIds()).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> small.originate(Outbound.ping())).isInstanceOf(SessionOverflowException.class);
        assertThat(small.isDropped()).isTrue();
        assertThat(t.closed).isTrue();
        assertThat(dropped).containsExactly(true);
        assertThat(small.restore(0, new Recorder(), TestEncoder::handshakeRestored)).isFalse();
    }

    @Test
    void byteBoundAlsoApplies() {
        ResumableSession small = TestEncoder.open(SessionLimits.builder().maxEntries(100).maxBytes(20).build());
        small.originate(Outbound.ping());
        assertThatThrownBy(() -> small.originate(Outbound.event("i", "x", List.of("long text"))))
                .isInstanceOf(SessionOverflowException.class);
    }

    @Test
    void halfFullBufferSolicitsAnAcknowledgementWithOnePing() {
        ResumableSession s = TestEncoder.open(SessionLimits.builder().maxEntries(6).maxBytes(10_000).build());
        Recorder t = new Recorder();
        s.attachNew(t, "hello");
        s.originate(Outbound.event("i", "a", List.of()));
        s.originate(Outbound.event("i", "b", List.of()));
        s.originate(Outbound.event("i", "c", List.of()));
        assertThat(t.sent).endsWith("{event:[-3,'i'],c:[]}", "{ping:[-4]}");
        s.originate(Outbound.event("i", "d", List.of()));
        assertThat(t.sent).filteredOn(x -> x.startsWith("{ping")).hasSize(1);
        s.acknowledge(-4);
        assertThat(s.state().bufferedIds()).containsExactly(5L);
    }

    @Test
    void aHandedOffSessionForwardsStructuredMessagesThatTheOwnerEncodesWithItsNextId() {
        Recorder first = new Recorder();
        session.attachNew(first, TestEncoder.handshakeOk(session.token()));
        event("a");
        event("b");
        List<ResumableSession> owner = new ArrayList<>();
        List<SessionSnapshot> last = new ArrayList<>();
        // the new owner's node: its own protocol (encoder) and quota; the forwarder stands for the cluster channel
        session.handOff(m -> {
            switch (m) {
                case Outbound.Originated o -> owner.get(0).originate(o);
                case Outbound.Reply r -> owner.get(0).reply(r);
            }
        }, last::add);
        assertThat(first.closed).isTrue();
        assertThat(session.isHandedOff()).isTrue();
        owner.add(ResumableSession.restored(last.get(0), TestEncoder.PROTOCOL,
                SessionQuota.unbounded(SessionLimits.defaults()), "127.0.0.2", 2));
        Recorder there = new Recorder();
        owner.get(0).restore(0, there, TestEncoder::handshakeRestored);

        assertThat(session.originate(Outbound.event("i", "late", List.of("x", 1)))).isZero();
        session.reply(new Outbound.Result(7, List.of("done")));
        session.reply(new Outbound.Failure(8, List.of(42, "nope")));

        assertThat(there.sent).containsExactly("{handshake:[0],ok:0}", "{event:[-1,'i'],a:[]}",
                "{event:[-2,'i'],b:[]}", "{event:[-3,'i'],late:['x',1]}", "{callback:[7],ok:['done']}",
                "{callback:[8],error:[42,'nope']}");
        assertThat(owner.get(0).state().lastId()).isEqualTo(-3);
        assertThat(owner.get(0).token()).isEqualTo(session.token());
        assertThat(owner.get(0).id()).isNotEqualTo(session.id()); // a new public id on the new node
    }

    @Test
    void sharedEventIsEncodedOnceForEverySession() {
        Outbound.Event shared = Outbound.event("chat", "message", List.of("hi"));
        List<String> made = new ArrayList<>();
        String tail = shared.encodedOnce(e -> {
            made.add("x");
            return e.name();
        });
        assertThat(shared.encodedOnce(e -> "other")).isEqualTo(tail);
        assertThat(made).hasSize(1);
    }

    @Test
    void principalAndDataTravelInTheSnapshot() {
        session.principal(io.tether.api.Principal.named("ann"));
        session.data().put("k", "v");
        session.originate(Outbound.ping());
        SessionSnapshot snap = session.snapshot();
        ResumableSession copy = ResumableSession.restored(snap, TestEncoder.PROTOCOL,
                SessionQuota.unbounded(SessionLimits.defaults()), "127.0.0.1", 1);
        assertThat(copy.principal()).contains(io.tether.api.Principal.named("ann"));
        assertThat(copy.data()).containsEntry("k", "v");
        assertThat(copy.state().bufferedIds()).containsExactly(1L);
    }
}
