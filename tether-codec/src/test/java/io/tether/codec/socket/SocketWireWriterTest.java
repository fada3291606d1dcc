package io.tether.codec.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.api.RoomMessage;
import io.tether.codec.outbound.CoalescingEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

class SocketWireWriterTest {
    private final EmbeddedChannel ch = new EmbeddedChannel(new CoalescingEncoder(new SocketWireWriter()));

    private String encode(SocketMessage m) {
        ch.writeOutbound(m);
        ByteBuf buf = ch.readOutbound();
        try {
            assertThat((Object) ch.readOutbound()).as("one buffer per message").isNull();
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    @Test
    void welcomeAndByeAreCompactWithCrlf() {
        assertThat(encode(SocketReplies.welcome("Hi"))).isEqualTo("{\"welcome\":\"Hi\",\"context\":\"api\"}\r\n");
        assertThat(encode(SocketReplies.bye())).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}\r\n");
    }

    @Test
    void verbRepliesOmitDataWhenThereIsNone() {
        assertThat(encode(SocketReplies.verbOk(false, null, "id1", 3)))
                .isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"messageId\":\"id1\",\"messageCount\":3}\r\n");
        assertThat(encode(SocketReplies.verbOk(true, null, 4242L, 1)))
                .isEqualTo("{\"status\":\"OK\",\"context\":\"response\",\"data\":null,\"messageId\":4242,\"messageCount\":1}\r\n");
        assertThat(encode(SocketReplies.verbError("room does not exist", "x", 2)))
                .isEqualTo("{\"error\":\"room does not exist\",\"context\":\"response\",\"messageId\":\"x\",\"messageCount\":2}\r\n");
    }

    @Test
    void actionRepliesKeepFieldOrderThenErrorThenEnvelope() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sleepStarted", 1795344487674L);
        fields.put("context", "spoofed");
        fields.put("delta", 0.5);
        assertThat(encode(SocketReplies.actionReply(fields, "boom", "m", 7))).isEqualTo(
                "{\"sleepStarted\":1795344487674,\"delta\":0.5,\"error\":\"boom\",\"context\":\"response\","
                        + "\"messageId\":\"m\",\"messageCount\":7}\r\n");
    }

    @Test
    void nonAsciiIsRawUtf8() {
        String line = encode(SocketReplies.chat(new RoomMessage("r", "0", "héllo €", 1795344439967L)));
        assertThat(line).isEqualTo("{\"message\":\"héllo €\",\"room\":\"r\",\"from\":\"0\",\"context\":\"user\","
                + "\"sentAt\":1795344439967}\r\n");
    }

    @Test
    void tooLongAndFileNotFound() {
        assertThat(encode(SocketReplies.dataTooLong("0", 1))).isEqualTo("{\"status\":\"error\",\"error\":"
                + "\"DATA_LENGTH_TOO_LONG\",\"context\":\"response\",\"messageId\":\"0\",\"messageCount\":1}\r\n");
        assertThat(encode(SocketReplies.fileNotFound())).isEqualTo("\"that file is not found\"\r\n");
    }

    @Test
    void sameBytesAsAPlainMapperOnRandomValuesAndMergedActionReplies() {
        JsonMapper plain = JsonMapper.builder().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            Object value = randomValue(random, 0);
            assertThat(encode(new SocketMessage(value))).as("value %s", value)
                    .isEqualTo(plain.writeValueAsString(value) + "\r\n");
            Map<String, Object> fields = randomMap(random, 1);
            if (random.nextBoolean()) {
                fields.put(List.of("context", "messageId", "messageCount", "error").get(random.nextInt(4)), "x");
            }
            String error = random.nextBoolean() ? null : randomString(random);
            Object id = random.nextBoolean() ? randomString(random) : random.nextLong();
            Map<String, Object> merged = new LinkedHashMap<>(fields);
            merged.remove("context");
            merged.remove("messageId");
            merged.remove("messageCount");
            if (error != null) {
                merged.remove("error");
                merged.put("error", error);
            }
            merged.put("context", "response");
            merged.put("messageId", id);
            merged.put("messageCount", (long) i);
            assertThat(encode(SocketReplies.actionReply(fields, error, id, i))).as("reply %s", fields)
                    .isEqualTo(plain.writeValueAsString(merged) + "\r\n");
        }
    }

    @Test
    void aValueThatCannotBeWrittenFailsOnlyItsOwnMessage() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("ok", 1);
        bad.put("bad", new Unwritable("x"));
        assertThatThrownBy(() -> ch.writeOutbound(SocketReplies.actionReply(bad, null, "m", 1)))
                .isInstanceOf(Exception.class);
        assertThat(encode(SocketReplies.welcome("again"))).isEqualTo("{\"welcome\":\"again\",\"context\":\"api\"}\r\n");
        assertThat(new SocketWireWriter().toJson(SocketReplies.actionReply(Map.of("a", 1), null, "m", 2)))
                .isEqualTo("{\"a\":1,\"context\":\"response\",\"messageId\":\"m\",\"messageCount\":2}");
    }

    /** A value whose serialization throws. */
    record Unwritable(String boom) {
        @Override
        public String boom() {
            throw new IllegalStateException("cannot be written");
        }
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 2 ? 10 : 13);
        return switch (kind) {
            case 0 -> null;
            case 1, 2 -> randomString(r);
            case 3 -> r.nextInt();
            case 4 -> r.nextLong();
            case 5 -> switch (r.nextInt(6)) {
                case 0 -> Double.NaN;
                case 1 -> Double.NEGATIVE_INFINITY;
                case 2 -> 1e-7 * r.nextDouble();
                case 3 -> -0.0;
                default -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            };
            case 6 -> r.nextBoolean();
            case 7 -> (float) r.nextGaussian();
            case 8 -> new java.math.BigDecimal(r.nextLong()).movePointLeft(r.nextInt(10));
            case 9 -> (short) r.nextInt();
            case 10, 11 -> randomMap(r, depth + 1);
            default -> java.util.Arrays.asList(randomValue(r, depth + 1), String.valueOf(r.nextInt()));
        };
    }

    private static Map<String, Object> randomMap(Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int n = r.nextInt(5); n > 0; n--) {
            m.put(randomString(r), randomValue(r, depth));
        }
        return m;
    }

    private static String randomString(Random r) {
        String pool = "ab\"\\/\n\t\u0001\u007f é€\uD83D\uDE00\u2028<>&'";
        StringBuilder sb = new StringBuilder();
        for (int n = r.nextInt(8); n > 0; n--) {
            int at = r.nextInt(pool.length());
            if (Character.isHighSurrogate(pool.charAt(at))) {
                sb.append(pool, at, at + 2);
            } else if (!Character.isLowSurrogate(pool.charAt(at))) {
                sb.append(pool.charAt(at));
            }
        }
        return sb.toString();
    }

    @Test
    void otherOutboundMessagesPassThrough() {
        ByteBuf raw = Unpooled.copiedBuffer("raw", StandardCharsets.UTF_8);
        ch.writeOutbound(raw);
        ByteBuf out = ch.readOutbound();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("raw");
        out.release();
    }
}
