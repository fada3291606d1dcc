package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Admission;
import io.tether.api.ConnectAttempt;
import io.tether.api.ConnectionPolicy;
import io.tether.api.Principal;
import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionQuota;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.jstp.JstpTestApp;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In cluster mode the connection policy decides a restore of a session another node owns
 * before this node claims it: a refused restore leaves the session (and its client, attached
 * on the other node) where it is; an accepted one continues it here, the policy asked once.
 */
class RedisRestorePolicyIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String IFACE = "testInterface";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<ConnectAttempt> seen = new CopyOnWriteArrayList<>();
    private TestNodes nodes;

    /** One node: its own core (with the policy), Redis node, session store and JSTP listener. */
    private record Node(TetherCore core, RedisNode redis, RedisSessionStore sessions, TetherServer server) {
        JstpFrameClient client(String from) {
            return JstpFrameClient.connectFrom(from, "127.0.0.1", server.port("jstp"));
        }
    }

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
    }

    @AfterEach
    void stop() {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        nodes.close();
    }

    private Node node(ConnectionPolicy policy) {
        RedisNode redis = RedisNode.connect(nodes.options().build());
        open.add(redis);
        TetherCore core = TetherCore.builder().roomBroker(redis.roomBroker()).cache(redis.cacheStore())
                .connectionPolicy(policy).build();
        open.add(core);
        RedisSessionStore sessions = redis.sessionStore(Duration.ofSeconds(30),
                SessionQuota.defaults(SessionLimits.defaults()), core.timer());
        JstpOptions.Builder b = JstpOptions.defaults().toBuilder().host("0.0.0.0").port(0)
                .sessionExpiry(Duration.ofSeconds(30))
                .authenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER,
                        PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), 20_000))));
        JstpTestApp.applications().forEach(b::application);
        TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, b.build(), sessions))
                .build().start();
        open.add(server);
        return new Node(core, redis, sessions, server);
    }

    private JstpFrameClient client(Node node, String from) {
        JstpFrameClient c = node.client(from);
        open.add(c);
        return c;
    }

    private static String restore(String id) {
        return "{handshake:[0,'testApp'],session:['" + id + "',0]}";
    }

    private static String call(long id, String method, String args) {
        return "{call:[" + id + ",'" + IFACE + "']," + method + ":[" + args + "]}";
    }

    @Test
    void aRefusedRestoreOnAnotherNodeLeavesTheSessionWithItsOwner() {
        ConnectionPolicy policy = attempt -> {
            seen.add(attempt);
            return attempt.connection().remoteIp().equals("127.0.0.2") ? Admission.refuse("not from this address")
                    : Admission.accept();
        };
        Node a = node(policy);
        Node b = node(policy);
        JstpFrameClient owner = client(a, "127.0.0.1");
        String reply = owner.request("{handshake:[0,'testApp'],login:['" + JstpTestApp.USER + "','"
                + JstpTestApp.PASSWORD + "']}", WAIT);
        assertThat(reply).startsWith("{handshake:[0],ok:'");
        String id = reply.substring("{handshake:[0],ok:'".length(), reply.length() - 2);
        assertThat(owner.request(call(1, "setValue", "'kept'"), WAIT)).isEqualTo("{callback:[1],ok:[]}");

        // the token from a refused address on node B: [11], closed, and nothing taken from node A
        JstpFrameClient thief = client(b, "127.0.0.2");
        assertThat(thief.request(restore(id), WAIT)).isEqualTo("{handshake:[0],error:[11]}");
        assertThat(thief.closedWithin(WAIT)).isTrue();
        assertThat(b.core().refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
        assertThat(b.sessions().size()).isZero();
        assertThat(owner.request(call(2, "getValue", ""), WAIT)).isEqualTo("{callback:[2],ok:['kept']}");
        assertThat(nodes.probe().get(nodes.prefix() + "session:{" + id + "}:owner")).isEqualTo(a.redis().nodeId());
        ConnectAttempt refused = seen.get(seen.size() - 1);
        assertThat(refused.restore()).isTrue();
        assertThat(refused.sessionPrincipal()).map(Principal::name).contains(JstpTestApp.USER);
        assertThat(refused.connection().remoteIp()).isEqualTo("127.0.0.2");

        // from an allowed address the session moves to node B, the policy asked once for it
        int before = seen.size();
        JstpFrameClient moved = client(b, "127.0.0.3");
        assertThat(moved.request(restore(id), WAIT)).startsWith("{handshake:[0],ok:");
        assertThat(owner.closedWithin(WAIT)).isTrue();
        assertThat(moved.request(call(3, "getValue", ""), WAIT)).isEqualTo("{callback:[3],ok:['kept']}");
        assertThat(seen.subList(before, seen.size())).singleElement().satisfies(x -> {
            assertThat(x.restore()).isTrue();
            assertThat(x.connection().remoteIp()).isEqualTo("127.0.0.3");
            assertThat(x.sessionPrincipal()).map(Principal::name).contains(JstpTestApp.USER);
        });
        assertThat(b.core().refusals().get(Refusal.CONNECTION_POLICY)).isEqualTo(1);
        assertThat(a.core().refusals().get(Refusal.CONNECTION_POLICY)).isZero();
    }
}
