package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketRoomsIT {
    private final SocketServerFixture fx = SocketServerFixture.start();

    @AfterEach
    void stop() {
        fx.close();
    }

    private static String id(LineClient c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) call(c, "detailsView").get("data");
        return (String) d.get("id");
    }

    @Test
    void roomVerbErrorsHaveTheExactTexts() {
        LineClient c = fx.client();
        c.send("roomAdd nowhere");
        assertThat(c.readLine(WAIT)).matches("\\{\"error\":\"room does not exist\",\"context\":\"response\","
                + "\"messageId\":\"[0-9a-f-]{36}\",\"messageCount\":1}");
        assertThat(call(c, "roomAdd")).containsEntry("error", "room does not exist");
        assertThat(call(c, "roomLeave otherRoom")).containsEntry("error", "connection not in this room (otherRoom)");
        assertThat(call(c, "roomLeave")).containsEntry("error", "connection not in this room (undefined)");
        assertThat(call(c, "roomView otherRoom")).containsEntry("error", "connection not in this room (otherRoom)");
        assertThat(call(c, "roomView")).containsEntry("error", "connection not in this room (undefined)");
        assertThat(call(c, "say otherRoom hi")).containsEntry("error", "connection not in this room (otherRoom)");
        assertThat(call(c, "say otherRoom")).containsEntry("error", "both room and message are required");
        assertThat(call(c, "say")).containsEntry("error", "both room and message are required");
        c.send("roomAdd defaultRoom");
        assertThat(c.readLine(WAIT)).matches("\\{\"status\":\"OK\",\"context\":\"response\",\"data\":true,"
                + "\"messageId\":\"[0-9a-f-]{36}\",\"messageCount\":10}");
        assertThat(call(c, "roomAdd defaultRoom")).containsEntry("error",
                "connection already in this room (defaultRoom)");
        assertThat(call(c, "say defaultRoom ")).containsEntry("error", "both room and message are required");
    }

    @Test
    void twoConnectionsChatAndViewMembers() {
        LineClient a = fx.client();
        LineClient b = fx.client();
        String idA = id(a);
        String idB = id(b);
        assertThat(call(a, "roomAdd defaultRoom")).containsEntry("data", true);
        assertThat(call(b, "roomAdd defaultRoom default Room")).containsEntry("data", true);
        Map<String, Object> view = call(a, "roomView defaultRoom");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) view.get("data");
        assertThat(data.keySet()).containsExactly("room", "members", "membersCount");
        assertThat(data).containsEntry("room", "defaultRoom").containsEntry("membersCount", 2);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> members = (Map<String, Map<String, Object>>) data.get("members");
        assertThat(members).containsOnlyKeys(idA, idB);
        assertThat(members.get(idA).keySet()).containsExactly("id", "joinedAt");
        assertThat(members.get(idA)).containsEntry("id", idA);

        a.send("say defaultRoom  two  spaces {\"x\":1} ");
        Map<String, Object> ok = a.readMap(WAIT);
        assertThat(ok).containsEntry("status", "OK").doesNotContainKey("data");
        String chatA = a.readLine(WAIT);
        String chatB = b.readLine(WAIT);
        assertThat(chatA).isEqualTo(chatB).matches("\\{\"message\":\" two  spaces \\{\\\\\"x\\\\\":1} \","
                + "\"room\":\"defaultRoom\",\"from\":\"" + idA + "\",\"context\":\"user\",\"sentAt\":\\d{13}}");
        assertThat(call(a, "detailsView").get("data")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("rooms", java.util.List.of("defaultRoom"));

        assertThat(call(b, "roomLeave defaultRoom")).containsEntry("data", true);
        call(a, "say defaultRoom again");
        assertThat(a.readMap(WAIT)).containsEntry("message", "again");
        assertThat(b.isSilentFor(Duration.ofMillis(200))).isTrue();
    }

    /**
     * A client that says and leaves in one packet (and joins and says again) gets its own copy
     * of each say, after the say's OK and before the leave's: a leave waits for what was said
     * in the room before it (the copy used to be lost: the leave ran before the fan-out task).
     */
    @Test
    void aSayPipelinedWithALeaveStillReachesTheSender() {
        LineClient other = fx.client();
        assertThat(call(other, "roomAdd defaultRoom")).containsEntry("data", true);
        for (int round = 0; round < 20; round++) {
            LineClient c = fx.client();
            c.sendRaw("roomAdd defaultRoom\r\nsay defaultRoom hi" + round + "\r\nroomLeave defaultRoom\r\n"
                    + "roomAdd defaultRoom\r\nsay defaultRoom again" + round + "\r\nroomLeave defaultRoom\r\n");
            for (String said : new String[] {"hi" + round, "again" + round}) {
                assertThat(c.readMap(WAIT)).containsEntry("data", true); // roomAdd
                assertThat(c.readMap(WAIT)).containsEntry("status", "OK").doesNotContainKey("data"); // say
                assertThat(c.readMap(WAIT)).containsEntry("context", "user").containsEntry("message", said);
                assertThat(c.readMap(WAIT)).containsEntry("data", true).containsEntry("context", "response");
                assertThat(other.readMap(WAIT)).containsEntry("message", said);
            }
            assertThat(c.isSilentFor(Duration.ofMillis(20))).isTrue();
            c.close();
        }
    }

    @Test
    void disconnectLeavesRooms() {
        LineClient a = fx.client();
        LineClient b = fx.client();
        call(a, "roomAdd otherRoom");
        call(b, "roomAdd otherRoom");
        b.close();
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(call(a, "roomView otherRoom").get("data"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("membersCount", 1));
    }

    @Test
    void aMemberThatNeverReadsIsDisconnectedInsteadOfBufferingWithoutBound() {
        try (SocketServerFixture small = SocketServerFixture.start(b -> b.maxOutboundBytes(256 * 1024))) {
            LineClient sleeper = small.client();
            LineClient talker = small.client();
            call(sleeper, "roomAdd defaultRoom");
            call(talker, "roomAdd defaultRoom");
            String big = "x".repeat(16 * 1024);
            // 16 MB: more than loopback socket buffers plus the cap can hold; the talker reads its own copies
            for (int i = 0; i < 1000; i++) {
                talker.send("say defaultRoom " + big);
                assertThat(talker.readMap(WAIT)).containsEntry("status", "OK");
                assertThat(talker.readMap(WAIT)).containsEntry("message", big);
            }
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(call(talker, "roomView defaultRoom")
                    .get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("membersCount", 1));
        }
    }
}
