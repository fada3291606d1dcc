package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.RoomMessage;
import io.tether.core.session.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The core's actions as the api interface and the shared rooms as the chat interface. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpBridgeIT {
    private final JstpTestServer server = new JstpTestServer();

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void actionsAreMethodsOfTheApiInterface() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("testApp");
            assertThat(c.request("{inspect:[1,'api']}")).isEqualTo("{callback:[1],ok:['echo','sum']}");
            assertThat(c.request("{call:[2,'api'],echo:[{text:'hi'}]}")).isEqualTo("{callback:[2],ok:[{text:'hi'}]}");
            assertThat(c.request("{call:[3,'api'],echo:['positional']}"))
                    .isEqualTo("{callback:[3],ok:[{text:'positional'}]}");
            assertThat(c.request("{call:[4,'api'],sum:[2,3]}")).isEqualTo("{callback:[4],ok:[{sum:5}]}");
            assertThat(c.request("{call:[5,'api'],echo:[]}"))
                    .isEqualTo("{callback:[5],error:[20,'text is a required parameter for this action']}");
            assertThat(c.request("{call:[6,'api'],nope:[]}")).isEqualTo("{callback:[6],error:[14]}");
            assertThat(c.request("{call:[7,'api'],echo:['a','b']}")).isEqualTo("{callback:[7],error:[17]}");
        }
    }

    @Test
    void builtinApplicationCallsActions() throws Exception {
        try (JstpTestClient c = server.client()) {
            c.handshake("tether");
            assertThat(c.request("{call:[1,'api'],echo:[{text:'x'}]}")).isEqualTo("{callback:[1],ok:[{text:'x'}]}");
        }
    }

    @Test
    void chatBetweenJstpConnectionsAndACoreMember() throws Exception {
        List<RoomMessage> seen = new CopyOnWriteArrayList<>();
        Session telnet = Session.open("socket", "127.0.0.1", 1, seen::add);
        server.core.rooms().join(telnet, "defaultRoom").join();
        try (JstpTestClient a = server.client(); JstpTestClient b = server.client()) {
            a.handshake("testApp");
            b.handshake("tether");
            assertThat(a.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
            assertThat(b.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
            Map<String, Object> view = a.send("{call:[2,'chat'],view:['defaultRoom']}").read();
            Map<?, ?> room = (Map<?, ?>) JstpTestClient.list(view.get("ok")).get(0);
            assertThat(room.get("room")).isEqualTo("defaultRoom");
            assertThat(room.get("membersCount")).isEqualTo(3L);
            assertThat(((Map<?, ?>) room.get("members")).containsKey(telnet.id())).isTrue();

            server.core.rooms().say(telnet, "defaultRoom", "hello from telnet").join();
            assertThat(chatEvent(a.read(), -1)).containsEntry("message", "hello from telnet")
                    .containsEntry("from", telnet.id()).containsEntry("room", "defaultRoom").containsKey("sentAt");
            assertThat(chatEvent(b.read(), -1)).containsEntry("message", "hello from telnet");

            a.send("{call:[3,'chat'],say:['defaultRoom','hi all']}");
            Awaitility.await().until(() -> seen.stream().anyMatch(m -> m.message().equals("hi all")));
            assertThat(chatEvent(b.read(), -2)).containsEntry("message", "hi all");
            assertThat(List.of(a.readText(), a.readText())).anySatisfy(t -> assertThat(t).isEqualTo("{callback:[3],ok:[]}"));

            assertThat(a.request("{call:[4,'chat'],join:['nowhere']}")).isEqualTo("{callback:[4],error:[30,'room does not exist']}");
            assertThat(a.request("{call:[5,'chat'],leave:['defaultRoom']}")).isEqualTo("{callback:[5],ok:[]}");
            assertThat(a.request("{call:[6,'chat'],say:['defaultRoom','x']}"))
                    .isEqualTo("{callback:[6],error:[31,'connection not in this room (defaultRoom)']}");
        } finally {
            server.core.rooms().leaveAll(telnet).join();
        }
    }

    /**
     * Join, say and leave sent together: the chat event of the client's own say arrives before
     * the leave's callback (a leave completes after what was said in the room before it).
     */
    @Test
    void aSayFollowedAtOnceByALeaveReachesTheSenderBeforeTheLeavesCallback() throws Exception {
        try (JstpTestClient a = server.client()) {
            a.handshake("testApp");
            for (int round = 0; round < 20; round++) {
                int base = round * 3;
                a.sendRaw(("{call:[" + (base + 1) + ",'chat'],join:['defaultRoom']}\0"
                        + "{call:[" + (base + 2) + ",'chat'],say:['defaultRoom','mine" + round + "']}\0"
                        + "{call:[" + (base + 3) + ",'chat'],leave:['defaultRoom']}\0")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                List<String> frames = new java.util.ArrayList<>();
                String leave = "{callback:[" + (base + 3) + "],ok:[]}";
                String said = "'mine" + round + "'";
                while (!frames.contains(leave)) {
                    frames.add(a.readText());
                }
                assertThat(frames).as("round %d", round).hasSize(4)
                        .contains("{callback:[" + (base + 1) + "],ok:[]}", "{callback:[" + (base + 2) + "],ok:[]}")
                        .anySatisfy(f -> assertThat(f).startsWith("{event:[").contains(said));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chatEvent(Map<String, Object> msg, long id) {
        assertThat(msg.get("event")).isEqualTo(List.of(id, "chat"));
        return (Map<String, Object>) JstpTestClient.list(msg.get("message")).get(0);
    }
}
