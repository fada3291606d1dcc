package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Login brute force (issue #11 item 9): wrong passwords from one address, or for one user
 * from many addresses, are refused without hashing after a few failures; hashing runs on the
 * listener's own small pool, so other clients (same single I/O thread) stay answered.
 */
class JstpLoginThrottleIT {
    private static final int MAX_FAILURES = 10;
    /** Long enough that no refusal period ends during a test. */
    private static final LoginLimits LIMITS = LoginLimits.defaults().toBuilder().maxFailures(MAX_FAILURES)
            .initialDelay(Duration.ofMinutes(1)).maxDelay(Duration.ofMinutes(10)).build();
    private static final String FAILED = "{handshake:[0],error:[11]}";

    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicBoolean hashedOnVirtualThread = new AtomicBoolean();
    private TetherCore core;
    private TetherServer server;
    private JstpProtocolServer jstp;

    private void start(UnaryOperator<JstpOptions.Builder> custom) {
        start(new PasswordAuthenticator(Map.of("user", PasswordHash.create("secret".toCharArray(), 20_000))), custom);
    }

    private void start(JstpAuthenticator passwords, UnaryOperator<JstpOptions.Builder> custom) {
        core = TetherCore.builder().action(JstpTestServer.echoAction()).build();
        JstpAuthenticator counting = (strategy, credentials) -> {
            hashes.incrementAndGet();
            if (Thread.currentThread().isVirtual()) {
                hashedOnVirtualThread.set(true);
            }
            return passwords.authenticate(strategy, credentials);
        };
        JstpOptions options = custom.apply(JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                .authenticator(counting).login(LIMITS)).build();
        jstp = new JstpProtocolServer(core, options);
        server = TetherServer.builder(core).ioThreads(1).protocol(jstp).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void wrongPasswordsFromOneAddressAreThrottledWhileOthersAreServed() throws Exception {
        start(b -> b);
        ExecutorService attackers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> attacks = new ArrayList<>();
        try (JstpTestClient bystander = client("127.0.0.3")) {
            bystander.handshake("tether");
            for (int t = 0; t < 3; t++) {
                int thread = t;
                attacks.add(attackers.submit(() -> attack("127.0.0.1", "admin" + thread, 40)));
            }
            long worst = 0;
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                assertThat(bystander.request("{call:[" + (i + 1) + ",'api'],echo:[{text:'hi'}]}"))
                        .contains("ok:");
                worst = Math.max(worst, System.nanoTime() - start);
                Thread.sleep(20); // pacing: the bystander is sampled over the whole attack
            }
            int refused = 0;
            for (Future<Integer> f : attacks) {
                refused += f.get();
            }
            assertThat(refused).isEqualTo(120);
            // not stalled: the bug let hashing on the action executor delay this client (coarse bound)
            assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofSeconds(2));
        } finally {
            attackers.shutdownNow();
        }
        assertThat(core.refusals().get(Refusal.LOGIN_THROTTLED)).isGreaterThanOrEqualTo(120 - MAX_FAILURES - 3);
        assertThat(hashes.get()).isLessThanOrEqualTo(MAX_FAILURES + 3);
        int hashedSoFar = hashes.get();
        assertThat(attack("127.0.0.1", "someoneElse", 5)).isEqualTo(5);
        assertThat(hashes.get()).isEqualTo(hashedSoFar);
        assertThat(hashedOnVirtualThread).isFalse();

        try (JstpTestClient legit = client("127.0.0.2")) {
            Map<String, Object> reply = legit.send("{handshake:[0,'tether'],login:['user','secret']}").read();
            assertThat(reply.get("ok")).isInstanceOf(String.class);
        }
    }

    @Test
    void wrongPasswordsForOneUserFromManyAddressesLockThatUser() throws Exception {
        start(b -> b);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(attack("127.0.1." + (i + 1), "user", 1)).isEqualTo(1);
        }
        int hashed = hashes.get();
        try (JstpTestClient right = client("127.0.2.1")) {
            assertThat(right.request("{handshake:[0,'tether'],login:['user','secret']}")).isEqualTo(FAILED);
        }
        assertThat(hashes.get()).isEqualTo(hashed);
        assertThat(core.refusals().get(Refusal.LOGIN_THROTTLED)).isEqualTo(1);
        try (JstpTestClient other = client("127.0.2.2")) {
            assertThat(other.send("{handshake:[0,'tether'],anonymous:[]}").read().get("ok")).isInstanceOf(String.class);
        }
    }

    @Test
    void aFullHashingQueueRefusesAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start((strategy, credentials) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("user");
        }, b -> b.login(LIMITS.toBuilder().threads(1).queue(1).build()));
        try (JstpTestClient running = client("127.0.3.1"); JstpTestClient queued = client("127.0.3.2");
             JstpTestClient third = client("127.0.3.3")) {
            running.send("{handshake:[0,'tether'],login:['a','x']}");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hashes.get() == 1);
            queued.send("{handshake:[0,'tether'],login:['b','x']}");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jstp.waitingLogins() == 1);
            long start = System.nanoTime();
            assertThat(third.request("{handshake:[0,'tether'],login:['c','x']}")).isEqualTo(FAILED);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(core.refusals().get(Refusal.OVERLOADED)).isEqualTo(1);
            release.countDown();
            assertThat(running.read().get("ok")).isInstanceOf(String.class);
            assertThat(queued.read().get("ok")).isInstanceOf(String.class);
        } finally {
            release.countDown();
        }
    }

    /** Sends {@code n} wrong logins for {@code user} from {@code address}; returns how many got [11]. */
    private int attack(String address, String user, int n) throws IOException {
        int refused = 0;
        for (int i = 0; i < n; i++) {
            try (JstpTestClient c = client(address)) {
                if (c.request("{handshake:[0,'tether'],login:['" + user + "','guess" + i + "']}").equals(FAILED)) {
                    refused++;
                }
            }
        }
        return refused;
    }

    private JstpTestClient client(String from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port("jstp")), 5000);
        return new JstpTestClient(s);
    }
}
