package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** JSTP over WebSocket: one message per text frame, the same handler and sessions as TCP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpWebSocketIT {
    private final JstpWebSocketServer server = new JstpWebSocketServer();

    @AfterAll
    void stop() {
        server.close();
    }

    private static String restore(String id, long received) {
        return "{handshake:[0,'testApp'],session:['" + id + "'," + received + "]}";
    }

    @Test
    void callsEventsAndPingsOverWebSocket() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.handshake("testApp");
            assertThat(c.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
            assertThat(c.request("{call:[2,'calculator'],divide:[10,0]}")).isEqualTo("{callback:[2],error:[1,'Zero division']}");
            c.send("{call:[3,'testInterface'],emitBack:['news',{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{callback:[3],ok:[]}");
            assertThat(c.request("{ping:[4]}")).isEqualTo("{pong:[4]}");
            assertThat(c.request("{call:[5,'api'],echo:[{text:'hi'}]}")).isEqualTo("{callback:[5],ok:[{text:'hi'}]}");
        }
    }

    @Test
    void aSessionRestoresFromTcpToWebSocketAndBack() throws Exception {
        String id;
        try (JstpTestClient tcp = server.tcp()) {
            id = tcp.handshake("testApp");
            assertThat(tcp.request("{call:[1,'testInterface'],setValue:['kept']}")).isEqualTo("{callback:[1],ok:[]}");
            assertThat(tcp.request("{call:[2,'testInterface'],emitLater:[200,'late','while away']}"))
                    .isEqualTo("{callback:[2],ok:[]}");
        }
        Thread.sleep(400); // wall clock: the server's emitLater timer (200 ms) fires while detached
        try (WsTestClient ws = server.ws()) {
            ws.send(restore(id, 0));
            assertThat(ws.readText()).isEqualTo("{handshake:[0],ok:2}");
            assertThat(ws.readText()).isEqualTo("{event:[-1,'testInterface'],late:['while away']}");
            assertThat(ws.request("{call:[3,'testInterface'],getValue:[]}")).isEqualTo("{callback:[3],ok:['kept']}");
            assertThat(ws.request("{call:[4,'testInterface'],emitLater:[200,'later','again']}"))
                    .isEqualTo("{callback:[4],ok:[]}");
            ws.abort();
        }
        Thread.sleep(400); // wall clock: the server's emitLater timer (200 ms) fires while detached
        try (JstpTestClient tcp = server.tcp()) {
            tcp.send(restore(id, 1));
            assertThat(tcp.readText()).isEqualTo("{handshake:[0],ok:4}");
            assertThat(tcp.readText()).isEqualTo("{event:[-2,'testInterface'],later:['again']}");
            assertThat(tcp.request("{call:[5,'testInterface'],sessionId:[]}")).isEqualTo("{callback:[5],ok:['" + id + "']}");
        }
    }

    @Test
    void webSocketConnectionsCountAsJstpConnections() throws Exception {
        try (WsTestClient c = server.ws()) {
            c.handshake("testApp");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.jstp.connections().size() >= 1);
        }
    }
}
