package io.tether.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
