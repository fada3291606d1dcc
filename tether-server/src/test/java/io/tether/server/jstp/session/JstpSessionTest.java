package io.tether.server.jstp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.server.jstp.wire.JstpText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JstpSessionTest {
    /** Records what would go on the wire. */
    static final class Recorder implements SessionTransport {
        final List<String> sent = new ArrayList<>();
        boolean closed;

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final JstpSession session = new JstpSession("s1", null, null, SessionLimits.defaults());

    private long event(String name) {
        return session.originate(id -> JstpText.event(id, "i", name, List.of()));
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
        session.attachNew(first, JstpText.handshakeOk("s1"));
        session.received(6);
        event("a");
        event("b");
        event("c");
        Recorder second = new Recorder();
        assertThat(session.restore(1, second, JstpText::handshakeRestored)).isTrue();
        assertThat(first.closed).isTrue();
        assertThat(second.sent).containsExactly("{handshake:[0],ok:6}", first.sent.get(2), first.sent.get(3));
        assertThat(event("d")).isEqualTo(-4);
        assertThat(second.sent).last().isEqualTo("{event:[-4,'i'],d:[]}");
    }

    @Test
    void repliesCompletedWhileDetachedAreHeldUntilRestore() {
        Recorder first = new Recorder();
        session.attachNew(first, JstpText.handshakeOk("s1"));
        event("a");
        session.detach(first);
        session.reply(JstpText.callbackOk(5, List.of(1)));
        event("b");
        Recorder second = new Recorder();
        session.restore(0, second, JstpText::handshakeRestored);
        assertThat(second.sent).containsExactly("{handshake:[0],ok:0}", "{event:[-1,'i'],a:[]}",
                "{event:[-2,'i'],b:[]}", "{callback:[5],ok:[1]}");
        assertThat(session.state().heldCallbacks()).isZero();
    }

    @Test
    void overflowDropsSessionAndClosesTransport() {
        JstpSession small = new JstpSession("s2", null, null,
                SessionLimits.builder().maxEntries(3).maxBytes(1_000).build());
        Recorder t = new Recorder();
        List<Boolean> dropped = new ArrayList<>();
        small.onDrop(() -> dropped.add(true));
        small.attachNew(t, "x");
        small.originate(JstpText::ping);
        small.originate(JstpText::ping);
        assertThat(small.state().bufferedIds()).containsExactly(1L, 2L, 3L);
        assertThatThrownBy(() -> small.originate(JstpText::ping)).isInstanceOf(SessionOverflowException.class);
        assertThat(small.isDropped()).isTrue();
        assertThat(t.closed).isTrue();
        assertThat(dropped).containsExactly(true);
        assertThat(small.restore(0, new Recorder(), JstpText::handshakeRestored)).isFalse();
    }

    @Test
    void byteBoundAlsoApplies() {
        JstpSession small = new JstpSession("s3", null, null,
                SessionLimits.builder().maxEntries(100).maxBytes(20).build());
        small.originate(JstpText::ping);
        assertThatThrownBy(() -> small.originate(id -> JstpText.event(id, "i", "x", List.of("long text"))))
                .isInstanceOf(SessionOverflowException.class);
    }

    @Test
    void halfFullBufferSolicitsAnAcknowledgementWithOnePing() {
        JstpSession s = new JstpSession("s4", null, null,
                SessionLimits.builder().maxEntries(6).maxBytes(10_000).build());
        Recorder t = new Recorder();
        s.attachNew(t, "hello");
        s.originate(id -> JstpText.event(id, "i", "a", List.of()));
        s.originate(id -> JstpText.event(id, "i", "b", List.of()));
        s.originate(id -> JstpText.event(id, "i", "c", List.of()));
        assertThat(t.sent).endsWith("{event:[-3,'i'],c:[]}", "{ping:[-4]}");
        s.originate(id -> JstpText.event(id, "i", "d", List.of()));
        assertThat(t.sent).filteredOn(x -> x.startsWith("{ping")).hasSize(1);
        s.acknowledge(-4);
        assertThat(s.state().bufferedIds()).containsExactly(5L);
    }
}
