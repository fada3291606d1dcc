package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.RoomMessage;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import io.tether.testkit.room.ForwardingRoomBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Room verbs with a broker that may block (as Redis does): they run off the event loop, the
 * connection's later lines wait for them in order, and other connections on the same (only)
 * event loop keep being served while one verb is stuck.
 */
class SocketBlockingBrokerIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SlowBroker broker = new SlowBroker();
    private TetherServer server;

    @BeforeEach
    void start() {
        TetherCore core = TetherCore.builder().action(TestActions.all()).roomBroker(broker)
                .room("defaultRoom", "otherRoom").build();
        SocketOptions o = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        server = TetherServer.builder(core).ioThreads(1).protocol(new SocketProtocolServer(core, o)).build().start();
    }

    @AfterEach
    void stop() {
        broker.release.countDown();
        server.close();
    }

    private LineClient client() {
        LineClient c = LineClient.connect("127.0.0.1", server.port(SocketOptions.defaults().name()));
        assertThat(c.readLine(WAIT)).contains("welcome");
        return c;
    }

    @Test
    void pipelinedRoomVerbsRunOffTheLoopAndReplyInOrder() {
        broker.release.countDown();
        try (LineClient c = client()) {
            c.sendRaw("roomAdd defaultRoom\r\nsay defaultRoom hi\r\nroomView defaultRoom\r\nparamAdd messageId=m1\r\nparamView messageId\r\n");
            // replies in line order; the sender's own copy of its say follows the say's OK but
            // may come before or after later replies (as with the in-memory broker and Redis)
            List<Map<String, Object>> replies = new ArrayList<>();
            List<Map<String, Object>> chat = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> m = c.readMap(WAIT);
                if ("user".equals(m.get("context"))) {
                    assertThat(replies).as("the say's OK precedes its copy").hasSizeGreaterThanOrEqualTo(2);
                    chat.add(m);
                } else {
                    replies.add(m);
                }
            }
            assertThat(chat).singleElement().satisfies(m -> assertThat(m).containsEntry("message", "hi"));
            assertThat(replies.get(0)).containsEntry("data", true);
            assertThat(replies.get(1)).containsEntry("status", "OK").doesNotContainKey("error");
            assertThat(replies.get(2).get("data")).asString().contains("membersCount=1");
            assertThat(replies.get(3)).containsEntry("status", "OK");
            assertThat(replies.get(4)).containsEntry("data", "m1");
        }
        assertThat(broker.onLoop).isFalse();
        assertThat(broker.calls).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStuckRoomVerbStallsOnlyItsOwnConnection() throws InterruptedException {
        try (LineClient stuck = client(); LineClient other = client()) {
            stuck.sendRaw("roomAdd defaultRoom\r\nparamView nothing\r\n");
            assertThat(broker.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            other.send("paramAdd messageId=v");
            assertThat(other.readMap(WAIT)).containsEntry("status", "OK");
            other.send("paramView messageId");
            assertThat(other.readMap(WAIT)).containsEntry("data", "v");
            assertThat(stuck.isSilentFor(Duration.ofMillis(200))).isTrue();
            broker.release.countDown();
            assertThat(stuck.readMap(WAIT)).containsEntry("data", true);
            assertThat(stuck.readMap(WAIT)).containsEntry("status", "OK");
        }
        assertThat(broker.onLoop).isFalse();
    }

    @Test
    void closingLeavesRoomsAfterThePendingVerb() {
        try (LineClient c = client()) {
            c.send("roomAdd otherRoom");
            assertThatEntered();
            c.close();
        }
        broker.release.countDown();
        await().atMost(WAIT).until(() -> broker.delegate().members("otherRoom").isEmpty());
        assertThat(broker.joined).isTrue();
    }

    private void assertThatEntered() {
        try {
            assertThat(broker.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A memory broker that does not say it never blocks (so the room service calls it on workers); addMember waits for {@code release}; records event-loop calls. */
    private static final class SlowBroker extends ForwardingRoomBroker {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean joined;
        volatile boolean onLoop;
        volatile int calls;

        private void check() {
            calls++;
            if (Thread.currentThread().getName().startsWith("tether-io-")) {
                onLoop = true;
            }
        }

        @Override
        public boolean roomExists(String room) {
            check();
            return super.roomExists(room);
        }

        @Override
        public boolean addMember(String room, String memberId, long joinedAt) {
            check();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            joined = super.addMember(room, memberId, joinedAt);
            return joined;
        }

        @Override
        public boolean removeMember(String room, String memberId) {
            check();
            return super.removeMember(room, memberId);
        }

        @Override
        public Map<String, Long> members(String room) {
            check();
            return super.members(room);
        }

        @Override
        public void publish(RoomMessage message) {
            check();
            super.publish(message);
        }
    }
}
