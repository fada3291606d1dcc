package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.codec.jstp.JstpMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The listener sees clients (new and restored), calls, events and rejections; connections are listed. */
class JstpListenerIT {
    @Test
    void listenerAndConnectionObservability() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        JstpListener listener = new JstpListener() {
            @Override
            public void client(JstpConnection c, boolean restored) {
                seen.add("client " + restored + " " + c.handshakeDone() + " " + c.username() + " "
                        + c.application());
            }

            @Override
            public void call(JstpConnection c, JstpMessage.Call call) {
                seen.add("call " + call.iface() + "." + call.method());
            }

            @Override
            public void event(JstpConnection c, JstpMessage.Event event) {
                seen.add("event " + event.event());
            }

            @Override
            public void messageRejected(JstpConnection c, Object message, String reason) {
                seen.add("rejected " + reason);
            }
        };
        try (JstpTestServer server = new JstpTestServer(b -> b.listener(listener))) {
            String id;
            try (JstpTestClient c = server.client()) {
                id = (String) c.send("{handshake:[0,'testApp','1.0.0'],login:['user','secret']}").read().get("ok");
                assertThat(c.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
                c.send("{event:[2,'x'],hello:[]}").send("{state:[3]}");
                assertThat(c.request("{ping:[4]}")).isEqualTo("{pong:[4]}");
                JstpConnection conn = server.jstp.connections().getFirst();
                assertThat(conn.username()).isEqualTo("user");
                assertThat(conn.session().token()).isEqualTo(id);
                assertThat(conn.remoteAddress()).isNotNull();
            }
            try (JstpTestClient c = server.client()) {
                c.send("{handshake:[0,'testApp','1.0.0'],session:['" + id + "',0]}").read();
                Awaitility.await().until(() -> server.jstp.connections().size() == 1);
            }
            assertThat(seen).containsSubsequence("client false true user testApp@1.0.0", "call calculator.answer",
                    "event hello", "rejected unknown kind state", "client true true user testApp@1.0.0");
        }
    }
}
