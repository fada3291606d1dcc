package io.tether.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heap trend, the verdict and the parsing of jcmd's histogram. */
class SoakVerdictTest {
    private static SoakSample at(double seconds, long heapKb) {
        return new SoakSample(seconds, heapKb, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static SoakOptions options(double maxSlope) {
        return new SoakOptions("127.0.0.1", 5000, 4000, "tether", 10, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ofMinutes(2), maxSlope, 10, 1, null);
    }

    @Test
    void slopeIsLeastSquaresInKbPerMinute() {
        List<SoakSample> grow = new ArrayList<>();
        for (int m = 0; m < 10; m++) {
            grow.add(at(m * 60, 10_000 + 100L * m + (m % 2 == 0 ? 30 : -30)));
        }
        HeapTrend t = HeapTrend.of(grow);
        assertThat(t.slopeKbPerMin()).isBetween(90.0, 110.0);
        assertThat(t.samples()).isEqualTo(10);
        assertThat(t.minKb()).isEqualTo(10_030);
        assertThat(t.lastQuarterKb()).isGreaterThan(t.firstQuarterKb());
        assertThat(HeapTrend.of(List.of(at(0, 5), at(60, 5), at(120, 5))).slopeKbPerMin()).isZero();
        assertThatThrownBy(() -> HeapTrend.of(List.of(at(0, 1), at(1, 1)))).hasMessageContaining("at least 3");
    }

    @Test
    void verdictJudgesOnlyTheSamplesAfterTheWarmup() {
        SoakCounters c = new SoakCounters();
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 0; m <= 10; m++) { // steep during the 2-minute warm-up, flat after
            samples.add(at(m * 60, m < 2 ? 1_000L * m : 2_000));
        }
        SoakReport flat = SoakReport.of(options(50), c, samples, 600);
        assertThat(flat.trend().samples()).isEqualTo(9);
        assertThat(flat.heapFlat()).isTrue();
        assertThat(flat.pass()).isTrue();

        samples.add(at(660, 3_500)); // a last sample 1.5 MB up: slope over the window about 82 KB/min
        SoakReport rising = SoakReport.of(options(50), c, samples, 660);
        assertThat(rising.trend().slopeKbPerMin()).isGreaterThan(50);
        assertThat(rising.pass()).isFalse();

        c.error("x", new IllegalStateException("boom"));
        SoakReport failed = SoakReport.of(options(50), c, samples.subList(0, 11), 600);
        assertThat(failed.heapFlat()).isTrue();
        assertThat(failed.pass()).isFalse();
        assertThat(failed.toJson()).contains("\"errors\":1").contains("\"pass\":false")
                .contains("boom").startsWith("{\"tetherSoak\":1,");
        c.expected("socket_unknown_action");
        assertThat(SoakReport.of(options(50), c, samples, 600).expected())
                .isEqualTo(Map.of("socket_unknown_action", 1L));
    }

    @Test
    void optionsRefuseAWarmupAsLongAsTheRun() {
        assertThatThrownBy(() -> new SoakOptions("h", 1, 2, "a", 10, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofMinutes(1), 50, 10, 0, null)).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> new SoakOptions("h", 1, 2, "a", 0, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ZERO, 50, 10, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SoakOptions("h", 0, 2, "a", 10, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ZERO, 50, 10, 0, null)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new SoakOptions("h", 1, 2, "a", Double.NaN, Duration.ofMinutes(1),
                Duration.ofSeconds(10), Duration.ZERO, 50, 10, 0, null)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new SoakOptions("h", 1, 2, "a", 10, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ZERO, 50, 10, -1, null)).hasMessageContaining("pid");
    }

    @Test
    void liveHeapIsTheHistogramTotal() {
        String histogram = """
                1234:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         35583        3989856  [B (java.base@25.0.3)
                   2:         34391         825384  java.lang.String (java.base@25.0.3)
                Total        183262       10485760
                """;
        assertThat(HeapProbe.liveKb(histogram)).isEqualTo(10_240);
        assertThatThrownBy(() -> HeapProbe.liveKb("1234:\nAttach failed")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void jsonEscapesStrings() {
        SoakCounters c = new SoakCounters();
        c.error("quote \" and \\ and \n", new RuntimeException("x"));
        String json = SoakReport.of(options(50), c, List.of(at(120, 1), at(180, 1), at(240, 1)), 1).toJson();
        assertThat(json).contains("quote \\\" and \\\\ and \\u000a");
    }
}
