package io.tether.codec.primus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimusCodecTest {
    private final PrimusCodec codec = new PrimusCodec();

    @Test
    void primusProtocolStringsAreRecognised() {
        assertThat(codec.decode("\"primus::pong::1733500000000\"")).isEqualTo(new PrimusInbound.Pong("1733500000000"));
        assertThat(codec.decode("\"primus::id::\"")).isEqualTo(new PrimusInbound.IdRequest());
        assertThat(PrimusCodec.ping(42)).isEqualTo("\"primus::ping::42\"");
        assertThat(PrimusCodec.serverClose()).isEqualTo("\"primus::server::close\"");
        assertThat(codec.id("abc")).isEqualTo("\"primus::id::abc\"");
    }

    @Test
    void anObjectBecomesARequestWithoutEventAndMessageId() {
        PrimusInbound in = codec.decode("{\"event\":\"say\",\"room\":\"r\",\"message\":\"hi\",\"messageId\":7}");
        assertThat(in).isInstanceOf(PrimusInbound.Request.class);
        PrimusInbound.Request r = (PrimusInbound.Request) in;
        assertThat(r.event()).isEqualTo("say");
        assertThat(r.messageId()).isEqualTo(7);
        assertThat(r.data()).containsExactly(Map.entry("room", "r"), Map.entry("message", "hi"));
    }

    @Test
    void aNonStringEventIsNoEvent() {
        PrimusInbound.Request r = (PrimusInbound.Request) codec.decode("{\"event\":3}");
        assertThat(r.event()).isNull();
        assertThat(r.messageId()).isNull();
    }

    @Test
    void badFramesAreMalformedWithAReason() {
        assertThat(codec.decode("{not json")).isInstanceOfSatisfying(PrimusInbound.Malformed.class,
                m -> assertThat(m.reason()).startsWith("malformed JSON: "));
        assertThat(codec.decode("[1,2]")).isEqualTo(new PrimusInbound.Malformed("not a JSON object: an array"));
        assertThat(codec.decode("\"hello\"")).isEqualTo(new PrimusInbound.Malformed("not a JSON object: a string"));
        assertThat(codec.decode("null")).isEqualTo(new PrimusInbound.Malformed("not a JSON object: null"));
        assertThat(codec.decode("{\"a\":1} trailing")).isInstanceOf(PrimusInbound.Malformed.class);
        assertThat(codec.decode("[".repeat(200) + "]".repeat(200))).isInstanceOf(PrimusInbound.Malformed.class);
    }

    @Test
    void encodingKeepsOrderAndEscapesTheJavaScriptLineSeparators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", "x\u2028y\u2029");
        assertThat(codec.encode(m)).isEqualTo("{\"z\":1,\"a\":\"x\\u2028y\\u2029\"}");
    }

    @Test
    void decodesUtf8BytesLikeText() {
        PrimusCodec codec = new PrimusCodec();
        for (String text : new String[] {"\"primus::pong::1733500000000\"", "\"primus::id::\"",
                "{\"event\":\"say\",\"room\":\"r\",\"message\":\"h\u00e9 \u2028\",\"messageId\":7}", "{not json",
                "[1,2]", "null", "{\"a\":1} trailing"}) {
            byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] padded = new byte[utf8.length + 4];
            System.arraycopy(utf8, 0, padded, 2, utf8.length);
            PrimusInbound fromBytes = codec.decode(padded, 2, utf8.length);
            PrimusInbound fromText = codec.decode(text);
            if (fromText instanceof PrimusInbound.Malformed) {
                assertThat(fromBytes).as(text).isInstanceOf(PrimusInbound.Malformed.class);
            } else {
                assertThat(fromBytes).as(text).isEqualTo(fromText);
            }
        }
    }

    @Test
    void encodesIntoABufferTheSameBytesAsTheText() {
        PrimusCodec codec = new PrimusCodec();
        java.util.Map<String, Object> nested = new java.util.LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", java.util.List.of("x", 2.5, true));
        for (Object value : new Object[] {
                java.util.Map.of("welcome", "Hello!", "context", "api"),
                nested,
                java.util.Map.of("message", "caf\u00e9 \u20ac \ud83d\ude00 \"q\" \n"),
                java.util.Map.of("message", "line\u2028separator\u2029end"),
                "primus::id::abc"}) {
            io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer().writeByte('#');
            codec.encode(value, out);
            codec.encode(value, out); // the thread's generator is reused
            String text = codec.encode(value);
            assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("#" + text + text);
        }
        assertThat(codec.encode(java.util.Map.of("m", "a\u2028b"))).isEqualTo("{\"m\":\"a\\u2028b\"}");
    }
}
