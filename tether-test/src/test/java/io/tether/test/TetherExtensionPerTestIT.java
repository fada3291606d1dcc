package io.tether.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field the extension runs a fresh server for each test and hands it to parameters. */
class TetherExtensionPerTestIT {
    private static final Set<TetherTestServer> SERVERS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger STARTS = new AtomicInteger();

    @RegisterExtension
    final TetherExtension tether = TetherExtension.of(app -> {
        STARTS.incrementAndGet();
        app.action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build()).room("lobby");
    });

    private TetherTestServer fromBeforeEach;

    @BeforeEach
    void before(TetherTestServer server) {
        fromBeforeEach = server;
    }

    @RepeatedTest(3)
    void eachTestHasItsOwnFreshServer(TetherTestServer server) {
        assertThat(server).isSameAs(tether.server()).isSameAs(fromBeforeEach);
        assertThat(SERVERS.add(server)).as("a new server").isTrue();
        assertThat(STARTS.get()).isEqualTo(SERVERS.size());
        assertThat(server.socketClient().action("hello").join().get("hello")).isEqualTo("world");
        assertThat(server.jstpClient().callMethod("api", "hello").join()).containsExactly(Map.of("hello", "world"));
    }

    @AfterAll
    static void oneServerPerTest() {
        assertThat(SERVERS).hasSize(3);
        assertThat(STARTS.get()).isEqualTo(3);
    }
}
