package io.tether.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak driver against an in-process server with both listeners (the app's demo shape: the
 * {@code randomNumber} action, rooms {@code defaultRoom} and {@code otherRoom}, JSTP application
 * {@code tether}): every cycle variant runs without an unexpected error, the provoked errors are
 * answered as documented, restores succeed, and samples are written (without a heap probe here).
 */
class SoakRunIT {
    private static TetherCore core;
    private static TetherServer server;

    @BeforeAll
    static void start() {
        core = TetherCore.builder()
                .action(Action.named("randomNumber").handler(ctx -> Map.of("randomNumber", Math.random())).build())
                .room("defaultRoom", "otherRoom")
                .build();
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).build()))
                .protocol(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).handshakeTimeout(Duration.ofSeconds(60)).build()))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        core.close();
    }

    @Test
    void everyVariantRunsAndTheHeapIsSampled(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("samples.csv");
        // no server pid: a JVM cannot be probed by a jcmd it started itself (the attach hangs), so this run
        // has samples of the counters only and no heap verdict; bench/soak.sh probes a server process
        SoakOptions o = new SoakOptions("127.0.0.1", server.port("socket"), server.port("jstp"), "tether", 20,
                Duration.ofSeconds(12), Duration.ofSeconds(3), Duration.ofSeconds(2), 1e9, 200, 0, csv);
        SoakReport r = new SoakRun(o, new PrintStream(java.io.OutputStream.nullOutputStream())).run();

        assertThat(r.firstErrors()).isEmpty();
        assertThat(r.counts().get("errors")).isZero();
        // 20 cycles after the end run every variant at least once, whatever the machine managed before
        assertThat(r.counts().get("cycles")).isGreaterThanOrEqualTo(40);
        assertThat(r.counts().get("restores")).isPositive();
        assertThat(r.counts().get("drops")).isPositive();
        assertThat(r.expected()).containsKeys("socket_unknown_action", "jstp_unknown_session");
        assertThat(r.samples()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(r.samples()).allSatisfy(s -> assertThat(s.liveHeapKb()).isEqualTo(-1));
        assertThat(r.samples().getLast().cycles()).isPositive();
        assertThat(r.trend()).isNull();
        assertThat(r.heapFlat()).isFalse(); // no samples, no verdict
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(SoakSample.CSV_HEADER);
        assertThat(lines).hasSize(r.samples().size() + 1);
        assertThat(r.toJson()).startsWith("{\"tetherSoak\":1,").contains("\"errors\":0");
    }
}
