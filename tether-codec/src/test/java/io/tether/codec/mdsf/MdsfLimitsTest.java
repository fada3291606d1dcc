package io.tether.codec.mdsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The element budget and the number-literal cap of the mdsf reader (issue #11 items 5 and 6). */
class MdsfLimitsTest {
    /** Coarse: the unbounded conversions took 20 s and more; a linear parse of these texts takes milliseconds. */
    private static final Duration NOT_STALLED = Duration.ofSeconds(5);

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void aMegabyteHexLiteralIsRefusedByTheDefaultNumberCap() {
        String text = "{a:0x" + repeat("f", 1_000_000) + "}";
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> MdsfReader.defaults().parseMessage(text))
                .isInstanceOf(MdsfLimitException.class)
                .hasMessageContaining("number literal longer than 1000 characters");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(NOT_STALLED);
    }

    @Test
    void everyNumberFormIsHeldToTheCap() {
        MdsfReader reader = MdsfReader.of(MdsfLimits.defaults().toBuilder().maxNumberLength(10).build());
        for (String number : List.of("0x" + repeat("1", 9), "0o" + repeat("7", 9), "0b" + repeat("1", 9),
                "-0x" + repeat("1", 8), repeat("9", 11), "1." + repeat("5", 9), "1e" + repeat("9", 9),
                "." + repeat("1", 10), "1E+0000000001")) {
            assertThatThrownBy(() -> reader.parseValue(number)).as(number).isInstanceOf(MdsfLimitException.class);
        }
        assertThat(reader.parseValue("-0xffffff")).isEqualTo(-0xffffffL);
        assertThat(reader.parseValue("1e999")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(reader.parseValue("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void hugeLiteralsUnderARaisedCapConvertInLinearTime() {
        MdsfReader reader = MdsfReader.of(MdsfLimits.defaults().toBuilder().maxNumberLength(Integer.MAX_VALUE).build());
        long t0 = System.nanoTime();
        assertThat(reader.parseValue("0x" + repeat("f", 2_000_000))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(reader.parseValue("-0b" + repeat("1", 2_000_000))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(reader.parseValue("0o" + repeat("0", 2_000_000) + "17")).isEqualTo(15L);
        assertThat(reader.parseValue("1e999999999")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(reader.parseValue("1e-999999999")).isEqualTo(0L);
        assertThat(reader.parseValue("0." + repeat("0", 1_000_000) + "1e1000000")).isEqualTo(0.1);
        assertThat(reader.parseValue(repeat("9", 1_000_000))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(NOT_STALLED);
    }

    @Test
    void radixLiteralsKeepTheirValuesAroundTheDoubleRange() {
        assertThat(Mdsf.parseValue("0x" + repeat("f", 256))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Mdsf.parseValue("0x" + repeat("f", 255))).isEqualTo(Math.scalb(1.0, 1020)); // 2^1020 - 1 rounds up
        assertThat(Mdsf.parseValue("0x1" + repeat("0", 255))).isEqualTo(Math.scalb(1.0, 1020));
        assertThat(Mdsf.parseValue("0x1" + repeat("0", 256))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Mdsf.parseValue("0x" + repeat("0", 300) + "10")).isEqualTo(16L);
        assertThat(Mdsf.parseValue("0x20000000000001")).isEqualTo(9007199254740992.0); // 2^53 + 1, rounded to even
    }

    @Test
    void anEightMegabyteElementBombIsRefusedByTheDefaultBudget() {
        StringBuilder sb = new StringBuilder("{a:[");
        while (sb.length() < 8_000_000) {
            sb.append("{},");
        }
        String text = sb.append("{}]}").toString();
        assertThatThrownBy(() -> MdsfReader.defaults().parseMessage(text))
                .isInstanceOf(MdsfLimitException.class)
                .hasMessageContaining("more than 100000 elements");
    }

    @Test
    void theBudgetCountsEveryValueAndHoleTheOuterObjectIncluded() {
        MdsfReader reader = MdsfReader.of(MdsfLimits.defaults().toBuilder().maxElements(5).build());
        assertThat(reader.parseMessage("{a:[1,'x',true]}")).isEqualTo(Map.of("a", List.of(1L, "x", true))); // 5
        assertThatThrownBy(() -> reader.parseMessage("{a:[1,'x',null,true]}")).isInstanceOf(MdsfLimitException.class);
        assertThatThrownBy(() -> reader.parseMessage("{a:[,,,,]}")).isInstanceOf(MdsfLimitException.class);
        assertThatThrownBy(() -> reader.parseValue("[[[[[[]]]]]]")).isInstanceOf(MdsfLimitException.class);
        assertThat(reader.parseValue("[[[[[]]]]]")).isNotNull();
    }

    @Test
    void limitsAreSyntaxErrorsSoExistingCallersRejectThemAlike() {
        MdsfReader reader = MdsfReader.of(MdsfLimits.defaults().toBuilder().maxElements(1).build());
        assertThatThrownBy(() -> reader.parseMessage("{a:1}")).isInstanceOf(MdsfSyntaxException.class);
        assertThatThrownBy(() -> MdsfLimits.defaults().toBuilder().maxElements(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MdsfReader.withMaxDepth(3).limits().maxElements()).isEqualTo(MdsfLimits.DEFAULT_MAX_ELEMENTS);
    }
}
