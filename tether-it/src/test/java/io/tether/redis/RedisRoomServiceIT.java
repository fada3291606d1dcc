package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.api.RoomMessage;
import io.tether.core.TetherCore;
import io.tether.core.room.RoomBroker;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.testkit.jstp.JstpTestApp;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.testkit.JstpFrameClient;
import io.tether.testkit.LineClient;
import io.tether.testkit.redis.RedisTestServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The room service over the real Redis broker, seen through a delegating broker that records
 * the thread of every call: a connection that closes while its join is still in Redis ends in
 * no room (the service queues the close's leaveAll behind the join), and no event loop ever
 * runs a Redis call, for either protocol.
 */
class RedisRoomServiceIT {
    @RegisterExtension
    static final RedisTestServer REDIS = new RedisTestServer();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TestNodes nodes;
    private RedisNode redis;
    private Recording broker;
    private TetherCore core;
    private TetherServer server;
    private SocketProtocolServer sockets;

    @BeforeEach
    void start() {
        REDIS.start();
        nodes = new TestNodes(REDIS);
        redis = RedisNode.connect(nodes.options().build());
        broker = new Recording(redis.roomBroker());
        core = TetherCore.builder().roomBroker(broker).room("defaultRoom", "otherRoom").build();
        SocketOptions socket = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        JstpOptions.Builder jb = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .authenticator(new PasswordAuthenticator(java.util.Map.of(JstpTestApp.USER,
                        PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), 20_000))));
        JstpTestApp.applications().forEach(jb::application);
        JstpOptions jstp = jb.build();
        sockets = new SocketProtocolServer(core, socket);
        server = TetherServer.builder(core).ioThreads(1).protocol(sockets)
                .protocol(new JstpProtocolServer(core, jstp)).build().start();
    }

    @AfterEach
    void stop() {
        broker.release.countDown();
        server.close();
        core.close();
        redis.close();
        nodes.close();
    }

    private LineClient socketClient() {
        LineClient c = LineClient.connect("127.0.0.1", server.port(SocketOptions.defaults().name()));
        assertThat(c.readLine(WAIT)).contains("welcome");
        return c;
    }

    @Test
    void aConnectionClosedWhileItsJoinIsInRedisEndsInNoRoom() throws InterruptedException {
        broker.holdJoins = true;
        LineClient c = socketClient();
        c.send("roomAdd otherRoom");
        assertThat(broker.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        c.close();
        // the server sees the close (and queues its leaveAll) while the join still waits in Redis
        await().atMost(WAIT).until(() -> sockets.connectionCount() == 0);
        broker.release.countDown();
        await().atMost(WAIT).until(() -> broker.joinsDone.get() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(core.rooms().view("otherRoom").members()).isEmpty();
            assertThat(nodes.probe().hkeys(nodes.prefix() + "{rooms}:room:otherRoom")).isEmpty();
            assertThat(nodes.probe().pubsubNumsub(nodes.channel("otherRoom")))
                    .containsEntry(nodes.channel("otherRoom"), 0L);
        });
        assertThat(broker.loopCalls).isEmpty();
    }

    @Test
    void connectionsClosingRightAfterJoiningNeverLeaveAMember() {
        for (int i = 0; i < 30; i++) {
            LineClient c = socketClient();
            c.sendRaw("roomAdd defaultRoom\r\nsay defaultRoom hi\r\n");
            if (i % 2 == 0) {
                c.readLine(WAIT); // sometimes after the join answered, sometimes while it runs
            }
            c.close();
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(core.rooms().view("defaultRoom").members()).isEmpty();
            assertThat(nodes.probe().hkeys(nodes.prefix() + "{rooms}:room:defaultRoom")).isEmpty();
        });
        assertThat(broker.loopCalls).isEmpty();
        assertThat(broker.calls.get()).isGreaterThan(30);
    }

    @Test
    void noEventLoopRunsARedisCallForEitherProtocol() {
        try (LineClient s = socketClient();
             JstpFrameClient j = JstpFrameClient.connect("127.0.0.1", server.port("jstp"))) {
            assertThat(j.request("{handshake:[0,'testApp']}", WAIT)).startsWith("{handshake:[0],ok:");
            assertThat(j.request("{call:[1,'chat'],join:['defaultRoom']}", WAIT)).isEqualTo("{callback:[1],ok:[]}");
            s.sendRaw("roomAdd defaultRoom\r\nroomView defaultRoom\r\nsay defaultRoom hi\r\nroomLeave nowhere\r\n");
            assertThat(s.readMap(WAIT)).containsEntry("data", true);
            assertThat(s.readMap(WAIT).get("data")).asString().contains("membersCount=2");
            assertThat(callback(j.send("{call:[2,'chat'],view:['defaultRoom']}"), 2)).contains("membersCount:2");
            assertThat(callback(j.send("{call:[3,'chat'],leave:['defaultRoom']}"), 3)).isEqualTo("{callback:[3],ok:[]}");
            assertThat(callback(j.send("{call:[4,'chat'],leave:['defaultRoom']}"), 4))
                    .isEqualTo("{callback:[4],error:[31,'connection not in this room (defaultRoom)']}");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(nodes.probe().hkeys(nodes.prefix() + "{rooms}:room:defaultRoom"))
                .isEmpty());
        assertThat(broker.calls.get()).isGreaterThan(8);
        assertThat(broker.awaited.get()).as("the JSTP leave waited for the room's messages").isEqualTo(1);
        assertThat(broker.loopCalls).as("broker calls on an event loop").isEmpty();
    }

    /** The answer to call {@code id}, skipping chat events. */
    private static String callback(JstpFrameClient client, int id) {
        String frame;
        do {
            frame = client.read(WAIT);
        } while (frame != null && !frame.startsWith("{callback:[" + id + "]"));
        return frame;
    }

    /** Delegates to the real Redis broker; records calls made on an event loop; can hold joins. */
    private static final class Recording implements RoomBroker {
        private final RoomBroker delegate;
        final Set<String> loopCalls = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger joinsDone = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger awaited = new java.util.concurrent.atomic.AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean holdJoins;

        Recording(RoomBroker delegate) {
            this.delegate = delegate;
        }

        private void record(String call) {
            calls.incrementAndGet();
            String thread = Thread.currentThread().getName();
            if (thread.startsWith("tether-io-") || thread.startsWith("tether-accept-")) {
                loopCalls.add(call + " on " + thread);
            }
        }

        @Override
        public boolean nonBlocking() {
            return delegate.nonBlocking();
        }

        @Override
        public void start(Consumer<RoomMessage> sink) {
            delegate.start(sink);
        }

        @Override
        public boolean createRoom(String room) {
            record("createRoom");
            return delegate.createRoom(room);
        }

        @Override
        public boolean destroyRoom(String room) {
            record("destroyRoom");
            return delegate.destroyRoom(room);
        }

        @Override
        public boolean roomExists(String room) {
            record("roomExists");
            return delegate.roomExists(room);
        }

        @Override
        public Set<String> rooms() {
            record("rooms");
            return delegate.rooms();
        }

        @Override
        public boolean addMember(String room, String memberId, long joinedAt) {
            record("addMember");
            if (holdJoins) {
                entered.countDown();
                try {
                    release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean added = delegate.addMember(room, memberId, joinedAt);
            joinsDone.incrementAndGet();
            return added;
        }

        @Override
        public boolean removeMember(String room, String memberId) {
            record("removeMember");
            return delegate.removeMember(room, memberId);
        }

        @Override
        public Map<String, Long> members(String room) {
            record("members");
            return delegate.members(room);
        }

        @Override
        public void publish(RoomMessage message) {
            record("publish");
            delegate.publish(message);
        }

        @Override
        public void awaitDelivered(String room) {
            record("awaitDelivered");
            awaited.incrementAndGet();
            delegate.awaitDelivered(room);
        }

        @Override
        public void listen(String room) {
            record("listen");
            delegate.listen(room);
        }

        @Override
        public void unlisten(String room) {
            record("unlisten");
            delegate.unlisten(room);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
