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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consecutive {@code say} lines with a broker that answers publishes later (as Redis does):
 * they are in flight together (up to a window of {@link PendingRoomVerbs#MAX_PIPELINED_SAYS}),
 * their replies come in line order whatever order the broker answers in, the sender's own
 * copies come after the OKs, and any other line (or a say after the window closed) waits until
 * every pending say was answered.
 */
class SocketSayPipeliningIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(300);

    private final HeldBroker broker = new HeldBroker();
    private TetherServer server;

    @BeforeEach
    void start() {
        TetherCore core = TetherCore.builder().action(TestActions.all()).roomBroker(broker)
                .room("defaultRoom").build();
        SocketOptions o = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        server = TetherServer.builder(core).ioThreads(1).protocol(new SocketProtocolServer(core, o)).build().start();
    }

    @AfterEach
    void stop() {
        broker.answerAll();
        server.close();
    }

    private LineClient member() {
        LineClient c = LineClient.connect("127.0.0.1", server.port(SocketOptions.defaults().name()));
        assertThat(c.readLine(WAIT)).contains("welcome");
        c.send("roomAdd defaultRoom");
        assertThat(c.readMap(WAIT)).containsEntry("data", true);
        return c;
    }

    private static String says(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("say defaultRoom m").append(i).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void consecutiveSaysAreInFlightTogetherAndAnsweredInLineOrder() {
        try (LineClient c = member()) {
            c.sendRaw(says(0, 3));
            await().atMost(WAIT).until(() -> broker.held.size() == 3); // all three issued, none answered
            broker.answer(2);
            broker.answer(1);
            assertThat(c.isSilentFor(QUIET)).as("nothing before the first say's answer").isTrue();
            broker.answer(0);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                lines.add(c.readMap(WAIT));
            }
            // the three OKs in line order (messageCount 2, 3, 4), then the three copies in order
            for (int i = 0; i < 3; i++) {
                assertThat(lines.get(i)).containsEntry("status", "OK").containsEntry("messageCount", 2 + i)
                        .doesNotContainKey("error");
                assertThat(lines.get(3 + i)).containsEntry("context", "user").containsEntry("message", "m" + i);
            }
        }
    }

    @Test
    void aWindowTakesAtMostItsSizeAndTheRestFollowsOnceItIsAnswered() {
        int max = PendingRoomVerbs.MAX_PIPELINED_SAYS;
        try (LineClient c = member()) {
            c.sendRaw(says(0, max + 4));
            await().atMost(WAIT).until(() -> broker.held.size() == max);
            assertThat(c.isSilentFor(QUIET)).isTrue();
            assertThat(broker.held).as("no say beyond the window").hasSize(max);
            broker.answerAll();
            await().atMost(WAIT).until(() -> broker.held.size() == max + 4); // the next window
            broker.answerAll();
            int oks = 0;
            int copies = 0;
            for (int i = 0; i < 2 * (max + 4); i++) {
                Map<String, Object> m = c.readMap(WAIT);
                if ("user".equals(m.get("context"))) {
                    assertThat(m).containsEntry("message", "m" + copies);
                    copies++;
                } else {
                    assertThat(m).containsEntry("status", "OK").containsEntry("messageCount", 2 + oks);
                    oks++;
                }
            }
            assertThat(oks).isEqualTo(max + 4);
            assertThat(copies).isEqualTo(max + 4);
        }
    }

    @Test
    void otherLinesAndSaysAfterAnAnswerWaitForTheWholeWindow() {
        try (LineClient c = member()) {
            c.sendRaw(says(0, 2) + "paramView messageId\r\n" + says(2, 3));
            await().atMost(WAIT).until(() -> broker.held.size() == 2);
            broker.answer(0); // the window is closed from now on
            assertThat(c.readMap(WAIT)).containsEntry("status", "OK").containsEntry("messageCount", 2);
            c.sendRaw(says(3, 4));
            assertThat(c.isSilentFor(QUIET)).isTrue();
            assertThat(broker.held).as("paramView and later says wait for the window").hasSize(2);
            broker.answer(1);
            assertThat(c.readMap(WAIT)).containsEntry("status", "OK").containsEntry("messageCount", 3);
            // the copies held while says were pending, then paramView's reply, then m2 and m3 in one window
            assertThat(c.readMap(WAIT)).containsEntry("message", "m0");
            assertThat(c.readMap(WAIT)).containsEntry("message", "m1");
            assertThat(c.readMap(WAIT)).containsEntry("messageCount", 4).doesNotContainKey("error");
            await().atMost(WAIT).until(() -> broker.held.size() == 4);
            broker.answerAll();
            assertThat(c.readMap(WAIT)).containsEntry("messageCount", 5);
            assertThat(c.readMap(WAIT)).containsEntry("messageCount", 6);
            assertThat(c.readMap(WAIT)).containsEntry("message", "m2");
            assertThat(c.readMap(WAIT)).containsEntry("message", "m3");
        }
    }

    @Test
    void closingWithSaysInFlightLeavesTheRoom() {
        LineClient c = member();
        c.sendRaw(says(0, 5));
        await().atMost(WAIT).until(() -> broker.held.size() == 5);
        c.close();
        broker.answerAll();
        await().atMost(WAIT).until(() -> broker.delegate().members("defaultRoom").isEmpty());
        try (LineClient other = member()) { // the loop still serves
            other.send("say defaultRoom after");
            await().atMost(WAIT).until(() -> broker.held.size() == 6);
            broker.answerAll();
            assertThat(other.readMap(WAIT)).containsEntry("status", "OK");
        }
    }

    /**
     * A memory broker whose publishes deliver at once but are answered only when the test says
     * so (as a Redis PUBLISH whose reply is late); {@code held} keeps every publish, answered
     * or not, in issue order.
     */
    private static final class HeldBroker extends ForwardingRoomBroker {
        final List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();

        void answer(int index) {
            held.get(index).complete(null);
        }

        void answerAll() {
            held.forEach(f -> f.complete(null));
        }

        @Override
        public boolean asyncPublish() {
            return true;
        }

        @Override
        public CompletionStage<Void> publishAsync(RoomMessage message) {
            CompletableFuture<Void> answer = new CompletableFuture<>();
            held.add(answer);
            publish(message);
            return answer;
        }
    }
}
