package io.tether.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.bench.load.FanoutOptions;
import io.tether.bench.load.LoadOptions;
import io.tether.bench.load.Protocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadGeneratorTest {
    @Test
    void parsesDurations() {
        assertThat(LoadGenerator.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoadGenerator.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadGenerator.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(LoadGenerator.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadGenerator.parse("3")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aBadOptionCheckedLateIsOneLineAndExitCode2() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cmd = LoadGenerator.commandLine();
        cmd.setErr(new java.io.PrintWriter(err, true));
        assertThat(cmd.execute("--fanout", "--transport", "bogus", "-p", "1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tether-bench: unknown --transport 'bogus': expected auto, epoll,"
                + " io_uring or nio" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(cmd.execute("--protocol", "carrier-pigeon", "-p", "1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tether-bench: ").doesNotContain("\tat ");
    }

    @Test
    void mapsTheCommandLineToOptions() {
        LoadGenerator g = new LoadGenerator();
        new CommandLine(g).parseArgs("--protocol", "jstp", "-p", "4000", "-c", "50", "-d", "16", "--app", "bench",
                "--iface", "bench", "--args", "['x']", "--pid", "1", "--pid", "2");
        LoadOptions o = g.options();
        assertThat(o.protocol()).isEqualTo(Protocol.JSTP);
        assertThat(o.request()).isEqualTo("echo");
        assertThat(o.connections()).isEqualTo(50);
        assertThat(o.depth()).isEqualTo(16);
        assertThat(o.pids()).containsExactly(1L, 2L);
    }

    @Test
    void mapsTheFanoutOptions() {
        LoadGenerator g = new LoadGenerator();
        new CommandLine(g).parseArgs("--fanout", "-p", "15200", "--fanout-ports", "15200,15201", "--rooms", "100",
                "--members", "10", "--senders", "10", "--send-rate", "2500", "-d", "2", "--room-prefix", "r",
                "--message-bytes", "64", "--duration", "5s", "--pid", "7");
        assertThat(g.fanout).isTrue();
        FanoutOptions o = g.fanoutOptions();
        assertThat(o.ports()).containsExactly(15200, 15201);
        assertThat(o.connections()).isEqualTo(1000);
        assertThat(o.senders()).isEqualTo(10);
        assertThat(o.sendRate()).isEqualTo(2500);
        assertThat(o.depth()).isEqualTo(2);
        assertThat(o.room(3)).isEqualTo("r3");
        assertThat(o.messageBytes()).isEqualTo(64);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.pids()).containsExactly(7L);
        LoadGenerator single = new LoadGenerator();
        new CommandLine(single).parseArgs("--fanout", "-p", "5000");
        assertThat(single.fanoutOptions().ports()).containsExactly(5000);
    }

    @Test
    void primusRunsOverWebSocketAtPrimusByDefault() {
        LoadGenerator g = new LoadGenerator();
        new CommandLine(g).parseArgs("--protocol", "primus", "-p", "8080");
        LoadOptions o = g.options();
        assertThat(o.protocol()).isEqualTo(Protocol.PRIMUS);
        assertThat(o.webSocketPath()).isEqualTo("/primus");
        assertThat(o.request()).isEqualTo("randomNumber");
        assertThatThrownBy(() -> o.toBuilder().webSocketPath(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ws");
        assertThatThrownBy(() -> o.toBuilder().protocol(Protocol.SOCKET).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ws");
    }
}
