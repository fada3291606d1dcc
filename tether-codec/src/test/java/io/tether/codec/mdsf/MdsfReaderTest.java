package io.tether.codec.mdsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MdsfReaderTest {
    private static final Object U = Mdsf.UNDEFINED;

    private static Object v(String text) {
        return Mdsf.parseValue(text);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void specExampleCanonicalCall() {
        Map<String, Object> msg = Mdsf.parseMessage(
                "{call:[1,'testInterface'],echo:['it\\'s',\"dq\",[1,,3],{'a-b':1,$x:-2.5e-7}]}");
        assertThat(msg.keySet()).containsExactly("call", "echo");
        assertThat(msg.get("call")).isEqualTo(List.of(1L, "testInterface"));
        assertThat(msg.get("echo")).isEqualTo(List.of("it's", "dq", Arrays.asList(1L, U, 3L),
                map("a-b", 1L, "$x", -2.5e-7)));
    }

    @Test
    void jsonAndLenientInput() {
        assertThat(Mdsf.parseMessage("{\"call\":[2,\"calculator\"],\"answer\":[]}"))
                .isEqualTo(map("call", List.of(2L, "calculator"), "answer", List.of()));
        assertThat(Mdsf.parseMessage("{ call: [3, 'calculator'], divide: [ 0x14, .5, ], }"))
                .isEqualTo(map("call", List.of(3L, "calculator"), "divide", List.of(20L, 0.5)));
    }

    @Test
    void literals() {
        assertThat(v("true")).isEqualTo(true);
        assertThat(v("false")).isEqualTo(false);
        assertThat(v("null")).isNull();
        assertThat(v("undefined")).isSameAs(U);
        assertThat(v(" NaN ")).isEqualTo(Double.NaN);
        assertThat(v("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(v("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(v("+Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void numbers() {
        assertThat(v("0")).isEqualTo(0L);
        assertThat(v("-0")).isEqualTo(0L);
        assertThat(v("42")).isEqualTo(42L);
        assertThat(v("+5")).isEqualTo(5L);
        assertThat(v(".5")).isEqualTo(0.5);
        assertThat(v("5.")).isEqualTo(5L);
        assertThat(v("1.0")).isEqualTo(1L);
        assertThat(v("1e3")).isEqualTo(1000L);
        assertThat(v("1E-7")).isEqualTo(1e-7);
        assertThat(v("2.5e+2")).isEqualTo(250L);
        assertThat(v("5.e1")).isEqualTo(50L);
        assertThat(v("3.14")).isEqualTo(3.14);
        assertThat(v("9007199254740992")).isEqualTo(9007199254740992L);
        assertThat(v("-9007199254740992")).isEqualTo(-9007199254740992L);
        assertThat(v("9007199254740994")).isEqualTo(9007199254740994.0);
        assertThat(v("123456789012345678901234567890")).isEqualTo(1.2345678901234568e29);
        assertThat(v("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(v("5e-324")).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void radixNumbers() {
        assertThat(v("0x1F")).isEqualTo(31L);
        assertThat(v("0XfF")).isEqualTo(255L);
        assertThat(v("-0x10")).isEqualTo(-16L);
        assertThat(v("0o17")).isEqualTo(15L);
        assertThat(v("0O7")).isEqualTo(7L);
        assertThat(v("0b101")).isEqualTo(5L);
        assertThat(v("+0B1")).isEqualTo(1L);
        assertThat(v("0x20000000000003")).isEqualTo(9007199254740996.0);
        assertThat(v("0xFFFFFFFFFFFFFFFFFF")).isEqualTo(Math.pow(2, 72));
    }

    @Test
    void stringEscapes() {
        assertThat(v("'a\\b\\f\\n\\r\\t\\v'")).isEqualTo("a\b\f\n\r\t\u000B");
        assertThat(v("'\\x41\\u00e9\\u{1F600}\\0'")).isEqualTo("A\u00e9\uD83D\uDE00\0");
        assertThat(v("'\\uD83D\\uDE00'")).isEqualTo("\uD83D\uDE00");
        assertThat(v("'\\ud800x'")).isEqualTo("\uD800x");
        assertThat(v("'\\'\\\"\\\\\\/\\q'")).isEqualTo("'\"\\/q");
        assertThat(v("\"it's\"")).isEqualTo("it's");
        assertThat(v("'say \"hi\"'")).isEqualTo("say \"hi\"");
        assertThat(v("'raw\u2028\u2029\r\nbreaks'")).isEqualTo("raw\u2028\u2029\r\nbreaks");
        assertThat(v("''")).isEqualTo("");
        assertThat(v("'\\u{10FFFF}'")).isEqualTo(new String(Character.toChars(0x10FFFF)));
    }

    @Test
    void keys() {
        assertThat(Mdsf.parseMessage("{$a:1,_b:2,c3:3,'x y':4,\"q\":5,null:6,class:7,ключ:8,\\u0061bc:9}").keySet())
                .containsExactly("$a", "_b", "c3", "x y", "q", "null", "class", "ключ", "abc");
    }

    @Test
    void holesTrailingCommasAndUndefined() {
        assertThat(v("[1,,3]")).isEqualTo(Arrays.asList(1L, U, 3L));
        assertThat(v("[,]")).isEqualTo(Arrays.asList(U));
        assertThat(v("[1,]")).isEqualTo(List.of(1L));
        assertThat(v("[1,,]")).isEqualTo(Arrays.asList(1L, U));
        assertThat(v("[undefined]")).isEqualTo(Arrays.asList(U));
        assertThat(v("[]")).isEqualTo(List.of());
        assertThat(v("{a:undefined,b:1,}")).isEqualTo(map("b", 1L));
        assertThat(v("{a:1,a:undefined}")).isEqualTo(map("a", 1L));
    }

    @Test
    void duplicateKeyLastValueFirstPosition() {
        Map<String, Object> m = Mdsf.parseMessage("{a:1,b:2,a:3}");
        assertThat(m.keySet()).containsExactly("a", "b");
        assertThat(m.get("a")).isEqualTo(3L);
    }

    @Test
    void whitespaceAndComments() {
        String ws = " \t\n\r\u000B\f\u00A0\u2000\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
        assertThat(Mdsf.parseMessage(ws + "{" + ws + "a" + ws + ":" + ws + "1" + ws + "}" + ws))
                .isEqualTo(map("a", 1L));
        assertThat(Mdsf.parseMessage("// head\n{/* c */a:/**/1 // tail\n,b:[/*x*//*y*/2]}/* end */"))
                .isEqualTo(map("a", 1L, "b", List.of(2L)));
        assertThat(v("{ }")).isEqualTo(map());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{a:'x}", "{a:\"x'}", "{a:1", "{a:[1}", "[1,2", "{a:1}}", "{a 1}", "{a:1 b:2}", "[1 2]",
        "{1:2}", "{-1:2}", "{a:01}", "{a:00}", "{a:foo}", "{a:True}", "{a:1}x", "{a:1}{}",
        "[1]", "'s'", "42", "", "   ", "{a:'\\x4'}", "{a:'\\u12'}", "{a:'\\u{110000}'}",
        "{a:'\\u{}'}", "{a:0x}", "{a:1e}", "{a:.}", "{a:-}", "{,}", "{a:1,,b:2}", "{a:}",
        "{a:1 /* open}", "{a:'\\01'}", "{'a'}", "{a:[,,}", "{a:'unterminated\\'}", "{a:#}"
    })
    void syntaxErrors(String text) {
        assertThatThrownBy(() -> Mdsf.parseMessage(text))
                .isInstanceOf(MdsfSyntaxException.class)
                .satisfies(e -> assertThat(((MdsfSyntaxException) e).code()).isEqualTo(ErrorCode.PROTOCOL_ERROR))
                .hasMessageContaining("offset");
    }

    @Test
    void errorPositionPointsAtProblem() {
        assertThatThrownBy(() -> Mdsf.parseMessage("{a:1,b:foo}"))
                .isInstanceOfSatisfying(MdsfSyntaxException.class, e -> assertThat(e.position()).isEqualTo(7))
                .hasMessageContaining("foo");
    }

    @Test
    void deepNesting() {
        String ok = "[".repeat(64) + "]".repeat(64);
        assertThat(v("{a:" + ok + "}")).isInstanceOf(Map.class);
        String limit = "[".repeat(512) + "]".repeat(512);
        assertThat(v(limit)).isInstanceOf(List.class);
        assertThatThrownBy(() -> v("[" + limit + "]")).isInstanceOf(MdsfSyntaxException.class)
                .hasMessageContaining("nesting");
        String hostile = "{a:" + "[{b:".repeat(50_000) + "1" + "}]".repeat(50_000) + "}";
        assertThatThrownBy(() -> Mdsf.parseMessage(hostile)).isInstanceOf(MdsfSyntaxException.class);
        assertThatThrownBy(() -> MdsfReader.withMaxDepth(3).parseValue("[[[[]]]]"))
                .isInstanceOf(MdsfSyntaxException.class);
        assertThat(MdsfReader.withMaxDepth(4).parseValue("[[[[]]]]")).isInstanceOf(List.class);
    }

    @Test
    void bigString() {
        String big = "x'\"é\uD83D\uDE00".repeat(1024 * 1024);
        String text = Mdsf.stringify(Map.of("s", big));
        assertThat(text.length()).isGreaterThan(6 * 1024 * 1024);
        assertThat(Mdsf.parseMessage(text).get("s")).isEqualTo(big);
    }
}
