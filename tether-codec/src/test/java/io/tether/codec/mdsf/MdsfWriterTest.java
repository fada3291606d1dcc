package io.tether.codec.mdsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MdsfWriterTest {
    private static final Object U = Mdsf.UNDEFINED;

    private static String w(Object v) {
        return Mdsf.stringify(v);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void specCanonicalExample() {
        Object echo = List.of("it's", "dq", Arrays.asList(1, U, 3), map("a-b", 1, "$x", -2.5e-7));
        assertThat(w(map("callback", List.of(1), "ok", List.of(echo))))
                .isEqualTo("{callback:[1],ok:[['it\\'s','dq',[1,,3],{'a-b':1,$x:-2.5e-7}]]}");
        Object json = Mdsf.parseMessage("{\"call\":[1,\"testInterface\"],\"echo\":[{\"a b\":\"c\",\"d\":[1,2,{\"e\":null}]}]}");
        assertThat(w(map("callback", List.of(1), "ok", ((Map<?, ?>) json).get("echo"))))
                .isEqualTo("{callback:[1],ok:[{'a b':'c',d:[1,2,{e:null}]}]}");
    }

    @Test
    void keys() {
        assertThat(w(map("text", 1, "_x", 2, "$y", 3, "a-b", 4, "with space", 5, "1abc", 6, "ключ", 7, "", 8,
                "null", 9, "class", 10, "a'b", 11)))
                .isEqualTo("{text:1,_x:2,$y:3,'a-b':4,'with space':5,'1abc':6,'ключ':7,'':8,null:9,class:10,'a\\'b':11}");
    }

    @Test
    void stringEscaping() {
        assertThat(w("it's \"q\"\n\0é\uD83D\uDE00")).isEqualTo("'it\\'s \\\"q\\\"\\n\\u0000é\uD83D\uDE00'");
        assertThat(w("\b\f\n\r\t\u000B\u001F\u007F\\")).isEqualTo("'\\b\\f\\n\\r\\t\\u000b\\u001f\u007F\\\\'");
        assertThat(w("\uD800x\uDC00\uDBFF")).isEqualTo("'\\ud800x\\udc00\\udbff'");
        assertThat(w("\uDE00\uD83D")).isEqualTo("'\\ude00\\ud83d'");
        assertThat(w("a\u2028b\u2029c\u202Ad")).isEqualTo("'a\\u2028b\\u2029c\u202Ad'");
        assertThat(w("")).isEqualTo("''");
        assertThat(w(new StringBuilder("sb"))).isEqualTo("'sb'");
        assertThat(w('c')).isEqualTo("'c'");
    }

    @Test
    void holesAndUndefined() {
        assertThat(w(Arrays.asList(1, U, 3))).isEqualTo("[1,,3]");
        assertThat(w(Arrays.asList(1, U))).isEqualTo("[1,]");
        assertThat(w(Arrays.asList(U))).isEqualTo("[]");
        assertThat(w(Arrays.asList(U, U))).isEqualTo("[,]");
        assertThat(w(map("a", U, "b", null, "c", U))).isEqualTo("{b:null}");
        assertThat(w(new Object[] {1, "x", null})).isEqualTo("[1,'x',null]");
        assertThat(w(Set.of(true))).isEqualTo("[true]");
        assertThatThrownBy(() -> w(U)).isInstanceOf(TetherException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "-0.0|0", "42|42", "-1|-1", "3.14|3.14", "0.25|0.25", "0.1|0.1", "1e21|1e+21", "1e-7|1e-7",
        "1e-6|0.000001", "0.000001234|0.000001234", "123456789012|123456789012", "1e20|100000000000000000000",
        "9007199254740992|9007199254740992", "9007199254740994|9007199254740994",
        "1.2345678901234568e29|1.2345678901234568e+29", "-2.5e-7|-2.5e-7", "1.7976931348623157e308|1.7976931348623157e+308",
        "4.9e-324|5e-324", "2.2250738585072014E-308|2.2250738585072014e-308", "123.456|123.456",
        "1234567.125|1234567.125", "0.001|0.001", "1e22|1e+22", "1.5e300|1.5e+300", "100|100", "12345.6789e10|123456789000000",
        "2e-323|2e-323", "1e-323|1e-323", "9.9e-324|1e-323", "1.5e-323|1.5e-323", "NaN|null", "Infinity|null", "-Infinity|null", "0.30000000000000004|0.30000000000000004",
        "5e-7|5e-7", "1.1e21|1.1e+21", "999999999999999900000|999999999999999900000"
    })
    void doubles(String in, String expected) {
        assertThat(w(Double.parseDouble(in))).isEqualTo(expected);
    }

    @Test
    void otherNumberTypes() {
        assertThat(w(7)).isEqualTo("7");
        assertThat(w((short) -3)).isEqualTo("-3");
        assertThat(w((byte) 9)).isEqualTo("9");
        assertThat(w(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
        assertThat(w(9007199254740993L)).isEqualTo("9007199254740992");
        assertThat(w(1.5f)).isEqualTo("1.5");
        assertThat(w(new BigDecimal("0.1"))).isEqualTo("0.1");
        assertThat(w(new BigInteger("12345"))).isEqualTo("12345");
        assertThat(w(BigInteger.TEN.pow(30))).isEqualTo("1e+30");
        assertThat(JsNumberFormat.format(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumberFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void roundTrips() {
        Object value = map("a", Arrays.asList(1L, 2.5, "x", true, false, null, Arrays.asList(1L, U, 3L)),
                "nested", map("k-1", map("deep", List.of(map()))), "e", List.of());
        String text = w(value);
        assertThat(Mdsf.parseValue(text)).isEqualTo(value);
        assertThat(w(Mdsf.parseValue(text))).isEqualTo(text);
        for (double d : new double[] {0.1, 1e21, 1e-7, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, -123.456e-200}) {
            assertThat(((Number) Mdsf.parseValue(w(d))).doubleValue()).isEqualTo(d);
        }
    }

    @Test
    void rejectsUnsupportedValues() {
        assertThatThrownBy(() -> w(new Object())).isInstanceOfSatisfying(TetherException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR));
        assertThatThrownBy(() -> w(Map.of(1, 2))).isInstanceOf(TetherException.class);
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> w(cycle)).isInstanceOf(TetherException.class).hasMessageContaining("deeper");
    }

    @Test
    void writesUtf8IntoByteBuf() {
        ByteBuf buf = Unpooled.buffer();
        try {
            MdsfWriter.defaults().write(map("s", "é\uD83D\uDE00"), buf);
            assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("{s:'é\uD83D\uDE00'}");
            assertThat(buf.readableBytes()).isEqualTo(4 + 2 + 4 + 2);
        } finally {
            buf.release();
        }
    }
}
