package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Session restore, buffering in both directions, held callbacks, expiry, heartbeat. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JstpSessionIT {
    private final JstpTestServer server = new JstpTestServer(b -> b.sessionExpiry(Duration.ofSeconds(2)));

    @AfterAll
    void stop() {
        server.close();
    }

    private static String restore(String id, long received) {
        return "{handshake:[0,'testApp'],session:['" + id + "'," + received + "]}";
    }

    @Test
    void transcriptOfSection14WithLossInBothDirections() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = c.handshake("testApp");
            assertThat(c.request("{inspect:[1,'calculator']}")).startsWith("{callback:[1],ok:");
            assertThat(c.request("{call:[2,'calculator'],answer:[]}")).isEqualTo("{callback:[2],ok:[42]}");
            assertThat(c.request("{call:[3,'calculator'],divide:[10,0]}")).isEqualTo("{callback:[3],error:[1,'Zero division']}");
            c.send("{call:[4,'testInterface'],emitBack:['news',{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{event:[-1,'testInterface'],news:[{text:'hello',n:1}]}");
            assertThat(c.readText()).isEqualTo("{callback:[4],ok:[]}");
            assertThat(c.request("{ping:[5]}")).isEqualTo("{pong:[5]}");
            assertThat(c.request("{call:[6,'testInterface'],emitLater:[200,'late','while you were away']}"))
                    .isEqualTo("{callback:[6],ok:[]}");
        }
        Thread.sleep(400); // wall clock: the server's emitLater timer (200 ms) fires while detached
        try (JstpTestClient c = server.client()) {
            c.send(restore(id, 1));
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:6}");
            assertThat(c.readText()).isEqualTo("{event:[-2,'testInterface'],late:['while you were away']}");
            assertThat(c.request("{call:[7,'testInterface'],add:[2,3]}")).isEqualTo("{callback:[7],ok:[5]}");
            c.send("{call:[8,'testInterface'],emitBack:['next',1]}");
            assertThat(c.readText()).isEqualTo("{event:[-3,'testInterface'],next:[1]}");
            assertThat(c.readText()).isEqualTo("{callback:[8],ok:[]}");
        }
    }

    @Test
    void restoreAccountingResendsOnlyWhatTheClientDidNotReport() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = c.handshake("testApp");
            c.send("{call:[1,'testInterface'],emitBack:['beforeDrop',1]}");
            assertThat(c.readText()).isEqualTo("{event:[-1,'testInterface'],beforeDrop:[1]}");
            assertThat(c.readText()).isEqualTo("{callback:[1],ok:[]}");
        }
        try (JstpTestClient c = server.client()) {
            c.send(restore(id, 0));
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:1}");
            assertThat(c.readText()).isEqualTo("{event:[-1,'testInterface'],beforeDrop:[1]}");
        }
        try (JstpTestClient c = server.client()) {
            c.send(restore(id, 1));
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:1}");
            assertThat(c.silentFor(300)).isTrue();
        }
    }

    @Test
    void restoreWhileOldTransportIsOpenClosesItAndKeepsWorking() throws Exception {
        try (JstpTestClient old = server.client(); JstpTestClient fresh = server.client()) {
            String id = old.handshake("testApp");
            assertThat(old.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
            fresh.send(restore(id, 0));
            assertThat(fresh.readText()).isEqualTo("{handshake:[0],ok:1}");
            assertThat(old.closedWithin(2000)).isTrue();
            // wall clock: the server handles the old transport's close first (it must not detach the new one)
            Thread.sleep(100);
            fresh.send("{call:[2,'testInterface'],emitBack:['still',true]}");
            assertThat(fresh.readText()).isEqualTo("{event:[-1,'testInterface'],still:[true]}");
            assertThat(fresh.readText()).isEqualTo("{callback:[2],ok:[]}");
        }
    }

    @Test
    void dropFirstClosesWithoutAnswerThenCounts() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = c.handshake("testApp");
            c.send("{call:[1,'testInterface'],dropFirst:[]}");
            assertThat(c.closedWithin(2000)).isTrue();
        }
        try (JstpTestClient c = server.client()) {
            c.send(restore(id, 0));
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:1}");
            assertThat(c.request("{call:[2,'testInterface'],dropFirst:[]}")).isEqualTo("{callback:[2],ok:[2]}");
            assertThat(c.request("{call:[3,'testInterface'],dropFirst:[]}")).isEqualTo("{callback:[3],ok:[3]}");
        }
    }

    @Test
    void callbackCompletedWhileDetachedIsSentAfterTheRestoreReply() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = c.handshake("testApp");
            c.send("{call:[1,'testInterface'],delayedEcho:[200,'held']}");
        }
        Thread.sleep(400); // wall clock: the delayed reply (200 ms) is held while detached
        try (JstpTestClient c = server.client()) {
            c.send(restore(id, 0));
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:1}");
            assertThat(c.readText()).isEqualTo("{callback:[1],ok:['held']}");
        }
    }

    @Test
    void loginSessionKeepsUsernameAndVersionAfterRestore() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = (String) c.send("{handshake:[0,'testApp','^1.0.0'],login:['user','secret']}").read().get("ok");
        }
        try (JstpTestClient c = server.client()) {
            c.send("{handshake:[0,'testApp','^1.0.0'],session:['" + id + "',0]}");
            assertThat(c.readText()).isEqualTo("{handshake:[0],ok:0}");
            assertThat(c.request("{call:[1,'testInterface'],whoami:[]}")).isEqualTo("{callback:[1],ok:['user']}");
            assertThat(c.request("{call:[2,'testInterface'],appVersion:[]}")).isEqualTo("{callback:[2],ok:['1.0.0']}");
        }
    }

    @Test
    void expiredSessionCannotBeRestored() throws Exception {
        try (JstpTestServer quick = new JstpTestServer(b -> b.sessionExpiry(Duration.ofMillis(200)))) {
            String id;
            try (JstpTestClient c = quick.client()) {
                id = c.handshake("testApp");
            }
            Thread.sleep(700); // wall clock: past this server's session expiry
            try (JstpTestClient c = quick.client()) {
                assertThat(c.request(restore(id, 0))).isEqualTo("{handshake:[0],error:[11]}");
            }
            assertThat(quick.jstp.sessions().size()).isZero();
        }
    }

    @Test
    void heartbeatPingsAndClosesSilentConnections() throws Exception {
        try (JstpTestServer hb = new JstpTestServer(b -> b.heartbeatInterval(Duration.ofMillis(150))
                .heartbeatMissedLimit(3))) {
            try (JstpTestClient c = hb.client()) {
                c.handshake("testApp");
                assertThat(c.readText()).isEqualTo("{ping:[-1]}");
                c.send("{pong:[-1]}");
                assertThat(c.readText()).isEqualTo("{ping:[-2]}");
                assertThat(c.closedWithin(2000)).isTrue();
            }
        }
    }

    @Test
    void shutdownClosesConnectionsButKeepsSessions() throws Exception {
        try (JstpTestServer other = new JstpTestServer()) {
            try (JstpTestClient c = other.client()) {
                c.handshake("testApp");
                other.jstp.shutdown().get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(c.closedWithin(2000)).isTrue();
            }
            assertThat(other.jstp.sessions().size()).isEqualTo(1);
        }
    }

    @Test
    void sessionOfAnotherApplicationCannotBeRestored() throws Exception {
        String id;
        try (JstpTestClient c = server.client()) {
            id = c.handshake("tether");
        }
        try (JstpTestClient c = server.client()) {
            assertThat(c.request(restore(id, 0))).isEqualTo("{handshake:[0],error:[11]}");
        }
        try (JstpTestClient c = server.client()) {
            assertThat(c.request("{handshake:[0,'tether'],session:['" + id + "',0]}")).isEqualTo("{handshake:[0],ok:0}");
        }
    }
}
