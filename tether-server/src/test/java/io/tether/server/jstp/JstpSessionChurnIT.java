package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.jstp.auth.JstpAuthenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The session churn attack of issue #11 item 1 at small scale: anonymous clients that open a
 * session, join a room and disconnect. Detached sessions are capped per address and per node
 * (oldest evicted), evicted sessions leave their rooms and cannot be restored, and another
 * client on the same (single) I/O thread is answered promptly.
 */
class JstpSessionChurnIT {
    private static final int PER_ADDRESS = 20;
    private static final int PER_NODE = 50;

    private TetherCore core;
    private JstpProtocolServer jstp;
    private TetherServer server;

    private void start() {
        core = TetherCore.builder().room("defaultRoom", "otherRoom").build();
        JstpOptions options = TestApps.configure(JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .maxDetachedSessions(PER_NODE).maxDetachedSessionsPerAddress(PER_ADDRESS).build());
        jstp = new JstpProtocolServer(core, options);
        server = TetherServer.builder(core).protocol(jstp).ioThreads(1).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JstpTestClient clientFrom(String localIp) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localIp), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port("jstp")));
        return new JstpTestClient(s);
    }

    /** connect → anonymous handshake → chat.join defaultRoom → close; returns the session id. */
    private String churn(String localIp) throws Exception {
        try (JstpTestClient c = clientFrom(localIp)) {
            String id = c.handshake("tether");
            assertThat(c.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
            return id;
        }
    }

    private int members() {
        return core.rooms().view("defaultRoom").members().size();
    }

    @Test
    void detachedSessionsAreCappedPerAddressAndPerNodeOldestEvicted() throws Exception {
        start();
        try (JstpTestClient bystander = clientFrom("127.0.0.1")) {
            bystander.handshake("testApp");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(churn("127.0.0.2"));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> core.refusals().get(Refusal.SESSIONS_PER_ADDRESS) >= 20);
            assertThat(jstp.sessions().size()).isLessThanOrEqualTo(PER_ADDRESS + 1);
            for (int i = 0; i < 160; i++) {
                ids.add(churn("127.0.0." + (10 + i % 8)));
                if (i % 40 == 0) {
                    long start = System.nanoTime();
                    assertThat(bystander.request("{ping:[" + (i + 1) + "]}")).isEqualTo("{pong:[" + (i + 1) + "]}");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
                }
            }
            // every churned session is detached once its channel is closed; the bystander is attached
            await().atMost(Duration.ofSeconds(10)).until(() -> core.refusals().get(Refusal.SESSIONS_PER_NODE)
                    + core.refusals().get(Refusal.SESSIONS_PER_ADDRESS) >= 200 - PER_NODE);
            assertThat(jstp.sessions().size()).isLessThanOrEqualTo(PER_NODE + 1);
            assertThat(core.refusals().get(Refusal.SESSIONS_PER_ADDRESS)).isGreaterThanOrEqualTo(20);
            assertThat(core.refusals().get(Refusal.SESSIONS_PER_NODE)).isGreaterThanOrEqualTo(100);
            assertThat(members()).isLessThanOrEqualTo(PER_NODE);

            // the oldest sessions were evicted: not restorable
            try (JstpTestClient c = clientFrom("127.0.0.3")) {
                assertThat(c.request("{handshake:[0,'tether'],session:['" + ids.get(0) + "',0]}"))
                        .isEqualTo("{handshake:[0],error:[11]}");
            }
            // the newest survive and can be restored
            try (JstpTestClient c = clientFrom("127.0.0.17")) {
                assertThat(c.request("{handshake:[0,'tether'],session:['" + ids.get(ids.size() - 1) + "',0]}"))
                        .isEqualTo("{handshake:[0],ok:1}");
            }

            // a say reaches the live members only: the room holds no evicted session
            try (JstpTestClient live = clientFrom("127.0.0.4"); JstpTestClient speaker = clientFrom("127.0.0.5")) {
                live.handshake("tether");
                assertThat(live.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
                speaker.handshake("tether");
                assertThat(speaker.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
                // members: at most the kept detached sessions, the restored one, live and speaker
                assertThat(members()).isLessThanOrEqualTo(PER_NODE + 2);
                speaker.send("{call:[2,'chat'],say:['defaultRoom','hello']}");
                assertThat(live.readText()).startsWith("{event:[-1,'chat'],message:[{message:'hello'");
                // every member that got it is live or still kept: buffered bytes only of kept sessions
                assertThat(jstp.sessions().quota().budget().usedBytes()).isPositive();
            }
            long start = System.nanoTime();
            assertThat(bystander.request("{ping:[999]}")).isEqualTo("{pong:[999]}");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aBurstOfHandshakesFromOneAddressIsAnsweredWhateverThePerAddressCap() throws Exception {
        start();
        // far more handshakes at once than detached sessions an address may keep: none of these
        // sessions is detached, so none may be evicted (a load test or a NAT behaves like this)
        List<JstpTestClient> burst = new ArrayList<>();
        try {
            for (int i = 0; i < 5 * PER_ADDRESS; i++) {
                burst.add(clientFrom("127.0.0.2").send("{handshake:[0,'tether']}"));
            }
            for (JstpTestClient c : burst) {
                assertThat(c.readText()).startsWith("{handshake:[0],ok:'");
            }
            assertThat(core.refusals().get(Refusal.SESSIONS_PER_ADDRESS)).isZero();
            assertThat(jstp.sessions().quota().detachedCount()).isZero();
        } finally {
            for (JstpTestClient c : burst) {
                c.close();
            }
        }
        // once they go, they are detached sessions like any other: capped
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jstp.sessions().quota().detachedCount("127.0.0.2") == PER_ADDRESS);
    }

    @Test
    void aNewSessionWhoseConnectionWentBeforeItsReplyIsDropped() throws Exception {
        core = TetherCore.builder().room("defaultRoom").build();
        JstpAuthenticator slow = (strategy, credentials) -> {
            try {
                Thread.sleep(300); // a slow login: the connection goes before its reply
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return java.util.Optional.of("someone");
        };
        jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .authenticator(slow).build());
        server = TetherServer.builder(core).protocol(jstp).ioThreads(1).build().start();
        for (int i = 0; i < 5; i++) {
            try (JstpTestClient c = clientFrom("127.0.0.2")) {
                c.send("{handshake:[0,'tether'],login:['someone','x']}"); // and hang up at once
            }
        }
        // each login succeeds after its connection is gone: nobody can ever restore those sessions
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> jstp.sessions().size() == 0);
        assertThat(jstp.sessions().quota().detachedCount()).isZero();
    }
}
