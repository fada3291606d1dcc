package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void ringIsFifoAndGrows() {
        LongRing ring = new LongRing(2);
        for (long i = 0; i < 10; i++) {
            ring.add(i);
        }
        for (long i = 0; i < 10; i++) {
            assertThat(ring.poll()).isEqualTo(i);
        }
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void matchesAtComparesOnlyBeforeTheEnd() {
        byte[] b = "xx\"context\":\"api\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Bytes.matchesAt(b, 2, b.length, Bytes.ascii("\"context\":"))).isTrue();
        assertThat(Bytes.matchesAt(b, 3, b.length, Bytes.ascii("\"context\":"))).isFalse();
        assertThat(Bytes.matchesAt(b, 12, b.length, Bytes.ascii("\"api\""))).isTrue();
        assertThat(Bytes.matchesAt(b, 12, b.length, Bytes.ascii("\"api\"x"))).isFalse();
        assertThat(Bytes.matchesAt(b, 12, 16, Bytes.ascii("\"api\""))).isFalse();
        assertThat(Bytes.parseLong(b, 0, b.length)).isEqualTo(-1);
        byte[] digits = "a12345]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Bytes.parseLong(digits, 1, digits.length)).isEqualTo(12345);
        assertThat(Bytes.skipDigits(digits, 1, digits.length)).isEqualTo(6);
        assertThat(Bytes.indexOf(digits, 0, digits.length, (byte) ']')).isEqualTo(6);
    }

    @Test
    void procStatCountsFieldsAfterTheCommandName() {
        String stat = "4242 (java with spaces) S 1 4242 4242 0 -1 4194304 100 0 0 0 1234 567 0 0 20 0 30 0 99";
        assertThat(ProcessSample.cpuTicks(stat)).isEqualTo(1234 + 567);
        assertThat(ProcessSample.rssKb(List.of("Name:\tjava", "VmRSS:\t  123456 kB"))).isEqualTo(123456);
    }

    @Test
    void selfSampleIsReadable() {
        ProcessSample s = ProcessSample.self();
        assertThat(s.available()).isTrue();
        assertThat(s.rssKb()).isPositive();
    }

    @Test
    void optionsRefuseNonLoopbackTargets() {
        assertThatThrownBy(() -> LoadOptions.defaults().toBuilder().host("10.0.0.1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> LoadOptions.defaults().toBuilder().host(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> LoadOptions.defaults().toBuilder().pids(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("pids");
    }
}
