package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fan-out generator's line classification, say encoding and member layout. */
class FanoutLineTest {
    private final FanoutLine line = new FanoutLine();

    /** Parses {@code text} placed in the middle of a larger array, as FrameBuffer passes lines. */
    private FanoutLine.Kind parse(String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[t.length + 8];
        java.util.Arrays.fill(b, (byte) '"');
        System.arraycopy(t, 0, b, 4, t.length);
        return line.parse(b, 4, 4 + t.length);
    }

    @Test
    void readsTheSendTimeAndSenderOfATetherBroadcast() {
        assertThat(parse("{\"message\":\"123456789012-7\",\"room\":\"fanout0\",\"from\":\"8b1c\",\"context\":\"user\","
                + "\"sentAt\":1795344505143}")).isEqualTo(FanoutLine.Kind.MESSAGE);
        assertThat(line.stamp()).isEqualTo(123456789012L);
        assertThat(line.sender()).isEqualTo(7);
    }

    @Test
    void keyOrderAndPaddingAndCrlfDoNotMatter() {
        assertThat(parse("{\"context\":\"user\",\"from\":\"x\",\"message\":\"42-1000-xxxxxxxx\",\"room\":\"r\","
                + "\"sentAt\":1}\r")).isEqualTo(FanoutLine.Kind.MESSAGE);
        assertThat(line.stamp()).isEqualTo(42);
        assertThat(line.sender()).isEqualTo(1000);
    }

    @Test
    void classifiesRepliesAndEverythingElse() {
        assertThat(parse("{\"status\":\"OK\",\"context\":\"response\",\"data\":true,\"messageId\":\"a-1\"}"))
                .isEqualTo(FanoutLine.Kind.OK);
        assertThat(line.stamp()).isEqualTo(-1);
        assertThat(parse("{\"status\":\"OK\",\"context\":\"response\",\"messageId\":\"a-2\"}"))
                .isEqualTo(FanoutLine.Kind.OK);
        assertThat(parse("{\"error\":\"room does not exist\",\"context\":\"response\",\"messageId\":\"m\"}"))
                .isEqualTo(FanoutLine.Kind.ERROR);
        assertThat(parse("{\"welcome\":\"Welcome to the tether api\",\"context\":\"api\"}"))
                .isEqualTo(FanoutLine.Kind.OTHER);
        assertThat(parse("{\"message\":\"hello\",\"room\":\"r\",\"from\":\"0\",\"context\":\"user\",\"sentAt\":1}"))
                .as("a room message not in the generator's format").isEqualTo(FanoutLine.Kind.OTHER);
        assertThat(parse("{\"message\":\"12-\",\"room\":\"r\",\"context\":\"user\"}")).isEqualTo(FanoutLine.Kind.OTHER);
        assertThat(parse("")).isEqualTo(FanoutLine.Kind.OTHER);
    }

    @Test
    void writesSayLinesThatRoundTrip() {
        byte[] prefix = "say fanout3 ".getBytes(StandardCharsets.UTF_8);
        assertThat(say(prefix, 123, 4, 0)).isEqualTo("say fanout3 123-4\n");
        String padded = say(prefix, 123, 4, 12);
        assertThat(padded).isEqualTo("say fanout3 123-4-xxxxxx\n");
        String text = padded.substring(prefix.length, padded.length() - 1);
        assertThat(text).hasSize(12);
        assertThat(parse("{\"message\":\"" + text + "\",\"room\":\"fanout3\",\"from\":\"f\",\"context\":\"user\"}"))
                .isEqualTo(FanoutLine.Kind.MESSAGE);
        assertThat(line.stamp()).isEqualTo(123);
        assertThat(line.sender()).isEqualTo(4);
    }

    private static String say(byte[] prefix, long stamp, int sender, int minText) {
        ByteBuf out = Unpooled.buffer();
        try {
            FanoutLine.writeSay(out, prefix, stamp, sender, minText);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
        }
    }

    @Test
    void everyRoomHasMembersOnEveryNode() {
        FanoutOptions o = FanoutOptions.defaults().toBuilder().ports(List.of(1, 2, 3, 4)).rooms(100).members(10)
                .senders(10).build();
        assertThat(o.connections()).isEqualTo(1000);
        for (int r = 0; r < o.rooms(); r++) {
            Set<Integer> ports = new HashSet<>();
            for (int j = 0; j < o.members(); j++) {
                ports.add(o.portOf(r, j));
            }
            assertThat(ports).as("room %d", r).containsExactlyInAnyOrder(1, 2, 3, 4);
        }
        FanoutOptions one = o.toBuilder().ports(List.of(7, 8)).rooms(1).members(1000).senders(1).build();
        assertThat(one.portOf(0, 0)).isEqualTo(7);
        assertThat(one.portOf(0, 1)).isEqualTo(8);
        assertThat(one.label()).isEqualTo("fanout 1x1000 s1 max d8");
        assertThat(one.toBuilder().sendRate(2500).build().label()).isEqualTo("fanout 1x1000 s1 2500/s");
        assertThat(one.room(0)).isEqualTo("fanout0");
    }

    @Test
    void rejectsImpossibleShapes() {
        FanoutOptions.Builder b = FanoutOptions.defaults().toBuilder();
        assertThatThrownBy(() -> b.members(2).senders(3).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FanoutOptions.defaults().toBuilder().ports(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FanoutOptions.defaults().toBuilder().host("10.0.0.1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FanoutOptions.defaults().toBuilder().duration(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FanoutOptions.defaults().toBuilder().roomPrefix("a b").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stampOfReadsOnlyTheMessageKey() {
        byte[] b = ("{\"context\":\"user\",\"from\":\"x\",\"message\":\"42-1000-xx\",\"room\":\"r\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(FanoutLine.stampOf(b, 0, b.length)).isEqualTo(42);
        byte[] reply = "{\"status\":\"OK\",\"context\":\"response\",\"messageId\":3}".getBytes(StandardCharsets.UTF_8);
        assertThat(FanoutLine.stampOf(reply, 0, reply.length)).isEqualTo(-1);
    }

    @Test
    void probesAreDrawnRepeatablyAndExactlyAsMany() {
        FanoutOptions o = FanoutOptions.defaults().toBuilder().rooms(3).members(1000).probes(50).build();
        for (int r = 0; r < 3; r++) {
            boolean[] p = o.probesOf(r);
            int n = 0;
            for (boolean b : p) {
                n += b ? 1 : 0;
            }
            assertThat(n).isEqualTo(50);
            assertThat(o.probesOf(r)).isEqualTo(p);
        }
        assertThat(o.probesOf(0)).isNotEqualTo(o.probesOf(1));
        assertThat(o.toBuilder().probes(0).build().probesOf(0)).containsOnly(true);
        assertThatThrownBy(() -> o.toBuilder().probes(-1).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
