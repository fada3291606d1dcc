package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.session.resume.Outbound;
import io.tether.core.session.resume.OutboundEncoder;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.ResumeProtocol;
import io.tether.core.session.resume.SessionLimits;
import io.tether.core.session.resume.SessionStore;
import io.tether.core.session.resume.SessionTransport;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis session store through tether-core's session API only (no server, no wire protocol):
 * a session detached on one node continues on another with its buffered messages and user
 * data, the old node hands it off, and a detached session expires. The same behaviour over real
 * JSTP listeners is tested in tether-it ({@code RedisSessionStoreIT}).
 */
class RedisSessionContinuationIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ResumeProtocol PROTOCOL = ResumeProtocol.of("test", new PlainEncoder());

    private TestNodes nodes;
    private final List<SessionStore> stores = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
    }

    @AfterEach
    void stop() {
        stores.forEach(SessionStore::close);
        nodes.close();
    }

    private RedisSessionStore store(Duration expiry) {
        TestNodes.Node n = nodes.start();
        RedisSessionStore store = n.redis().sessionStore(expiry, SessionLimits.defaults(), n.core().timer());
        stores.add(store);
        return store;
    }

    private static Optional<ResumableSession> find(SessionStore store, String token) {
        return store.find(token, (snapshot, quota) -> ResumableSession.restored(snapshot, PROTOCOL, quota,
                "127.0.0.1", 2));
    }

    @Test
    void aSessionDetachedOnOneNodeContinuesOnAnotherWithItsBufferAndUserData() {
        RedisSessionStore a = store(Duration.ofSeconds(30));
        RedisSessionStore b = store(Duration.ofSeconds(30));
        ResumableSession session = ResumableSession.open(PROTOCOL, a.quota(), "127.0.0.1", 1, "app", "1.0.0");
        Transport first = new Transport();
        session.attachNew(first, "hello");
        session.data().put("answer", "kept");
        session.originate(Outbound.event("iface", "tick", List.of("one")));
        session.originate(Outbound.event("iface", "tick", List.of("two")));
        session.acknowledge(-1); // the client saw the first event
        a.save(session).join();
        session.detach(first);
        assertThat(first.sent).containsExactly("hello", "event -1 tick [one]", "event -2 tick [two]");

        ResumableSession continued = find(b, session.token()).orElseThrow();
        assertThat(continued).isNotSameAs(session);
        assertThat(continued.token()).isEqualTo(session.token());
        assertThat(continued.application()).isEqualTo("app");
        assertThat(continued.data()).containsEntry("answer", "kept");
        Transport second = new Transport();
        assertThat(continued.restore(0, second, received -> "restored " + received)).isTrue();
        assertThat(second.sent).containsExactly("restored 0", "event -2 tick [two]");
        await().atMost(WAIT).until(session::isHandedOff);
        assertThat(b.size()).isEqualTo(1);
    }

    @Test
    void anUnknownOrMalformedTokenFindsNothing() {
        RedisSessionStore a = store(Duration.ofSeconds(30));
        ResumableSession other = ResumableSession.open(PROTOCOL, a.quota(), "127.0.0.1", 1, "app", "1.0.0");
        assertThat(find(a, other.token())).isEmpty(); // well formed, never saved
        assertThat(find(a, "*")).isEmpty();
        assertThat(find(a, "no such token")).isEmpty();
    }

    @Test
    void aDetachedSessionExpiresFromRedis() {
        RedisSessionStore a = store(Duration.ofSeconds(1));
        RedisSessionStore b = store(Duration.ofSeconds(1));
        ResumableSession session = ResumableSession.open(PROTOCOL, a.quota(), "127.0.0.1", 1, "app", "1.0.0");
        Transport t = new Transport();
        session.attachNew(t, "hello");
        a.save(session).join();
        session.detach(t);
        // the 1 s expiry has to pass on the wall clock (Redis TTL and the node's sweep)
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> session.isDropped());
        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes.probe().keys(nodes.prefix() + "session:*")).isEmpty());
        assertThat(find(b, session.token())).isEmpty();
    }

    /** Records what would go on the wire. */
    private static final class Transport implements SessionTransport {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(String text) {
            sent.add(text);
        }

        @Override
        public void close() {
        }
    }

    /** A readable stand-in for a protocol's serialization. */
    private static final class PlainEncoder implements OutboundEncoder {
        @Override
        public String originated(Outbound.Originated message, long id) {
            return switch (message) {
                case Outbound.Event e -> "event " + id + " " + e.name() + " "
                        + e.args().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
                case Outbound.Ping p -> "ping " + id;
                case Outbound.Call c -> "call " + id + " " + c.method();
                case Outbound.Inspect i -> "inspect " + id + " " + i.iface();
            };
        }

        @Override
        public String reply(Outbound.Reply message) {
            return switch (message) {
                case Outbound.Result r -> "ok " + r.to();
                case Outbound.Failure f -> "error " + f.to();
                case Outbound.Pong p -> "pong " + p.to();
            };
        }
    }
}
