package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Room fan-out over real sockets on several event loops (one task per loop per message): every
 * member gets the room's messages in one order with concurrent senders, a member whose client
 * went away does not stop the others, and a member that left gets nothing after its reply.
 */
class SocketRoomFanoutIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MEMBERS = 24;
    private static final int TALKERS = 3;
    private static final int EACH = 40;

    private final SocketServerFixture fx = SocketServerFixture.start();

    @AfterEach
    void stop() {
        fx.close();
    }

    private List<LineClient> members(int n) {
        List<LineClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LineClient c = fx.client();
            assertThat(call(c, "roomAdd defaultRoom")).containsEntry("data", true);
            out.add(c);
        }
        return out;
    }

    /** The next {@code n} chat texts a client reads, skipping its own replies. */
    private static List<String> chats(LineClient c, int n) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < n) {
            Map<String, Object> m = c.readMap(WAIT);
            if ("user".equals(m.get("context"))) {
                texts.add((String) m.get("message"));
            } else {
                assertThat(m).containsEntry("status", "OK");
            }
        }
        return texts;
    }

    @Test
    void concurrentTalkersOneOrderForEveryMemberAndAGoneClientDoesNotStopTheOthers() throws Exception {
        List<LineClient> members = members(MEMBERS);
        LineClient gone = members.remove(5);
        gone.close(); // abruptly: the server may still be fanning out to it when the talk starts
        List<Thread> talkers = new ArrayList<>();
        for (int t = 0; t < TALKERS; t++) {
            LineClient talker = members.get(t);
            int id = t;
            talkers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < EACH; i++) {
                    talker.send("say defaultRoom t" + id + "-" + i); // pipelined: replies read below
                }
            }));
        }
        for (Thread t : talkers) {
            t.join(WAIT.toMillis());
        }
        List<String> order = chats(members.get(0), TALKERS * EACH);
        for (LineClient m : members) {
            List<String> got = m == members.get(0) ? order : chats(m, TALKERS * EACH);
            assertThat(got).as("the room's one order").containsExactlyElementsOf(order);
        }
        for (int t = 0; t < TALKERS; t++) {
            String prefix = "t" + t + "-";
            List<String> mine = order.stream().filter(s -> s.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < EACH; i++) {
                expected.add(prefix + i);
            }
            assertThat(mine).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aMemberThatLeftGetsNothingAfterItsReply() {
        List<LineClient> members = members(8);
        LineClient talker = members.get(0);
        LineClient leaver = members.get(3);
        for (int i = 0; i < 20; i++) {
            talker.send("say defaultRoom before" + i);
        }
        leaver.send("roomLeave defaultRoom");
        int before = 0;
        while (true) { // the messages fanned out before the leave, then its reply
            Map<String, Object> m = leaver.readMap(WAIT);
            if ("user".equals(m.get("context"))) {
                assertThat(m).containsEntry("message", "before" + before++);
            } else {
                assertThat(m).containsEntry("data", true);
                break;
            }
        }
        for (int i = 0; i < 20; i++) {
            talker.send("say defaultRoom after" + i);
        }
        List<String> others = chats(members.get(1), 40);
        assertThat(others.get(39)).isEqualTo("after19");
        assertThat(chats(talker, 40)).containsExactlyElementsOf(others);
        assertThat(leaver.isSilentFor(Duration.ofMillis(500))).isTrue();
    }
}
