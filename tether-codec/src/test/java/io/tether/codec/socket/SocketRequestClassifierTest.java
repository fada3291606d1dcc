package io.tether.codec.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketRequestClassifierTest {
    private final SocketRequestClassifier classifier = new SocketRequestClassifier();

    private SocketRequest classify(String line) {
        return classifier.classify(line);
    }

    @Test
    void verbsSplitOnSingleSpacesKeepingEmptyWords() {
        assertThat(classify("say room  two  spaces ")).isEqualTo(
                new SocketRequest.Verb(SocketVerb.SAY, Arrays.asList("room", "", "two", "", "spaces", "")));
        assertThat(classify("paramAdd\tkey=x")).isEqualTo(new SocketRequest.InlineAction("paramAdd\tkey=x"));
        assertThat(classify("roomAdd")).isEqualTo(new SocketRequest.Verb(SocketVerb.ROOM_ADD, List.of()));
    }

    @Test
    void aMegabyteJsonElementBombIsRefusedAsTooLongInsteadOfBuildingItsObjects() {
        StringBuilder sb = new StringBuilder("{\"action\":\"status\",\"params\":{\"a\":[");
        while (sb.length() < 1_000_000) {
            sb.append("{},");
        }
        String line = sb.append("{}]}}").toString();
        assertThat(classify(line)).isEqualTo(new SocketRequest.TooLong(line.length()));
    }

    @Test
    void theTokenBudgetIsConfigurableAndCountsEveryToken() {
        SocketRequestClassifier small = new SocketRequestClassifier(9);
        // { "action" "x" "params" { "a" 1 } } = 9 tokens
        assertThat(small.classify("{\"action\":\"x\",\"params\":{\"a\":1}}"))
                .isEqualTo(new SocketRequest.JsonRequest(true, "x", true, Map.of("a", 1)));
        assertThat(small.classify("{\"action\":\"x\",\"params\":{\"a\":1,\"b\":2}}"))
                .isInstanceOf(SocketRequest.TooLong.class);
        assertThat(small.classify("[\"é\",1,2,3,4,5,6,7]")).isEqualTo(new SocketRequest.TooLong(20)); // 10 tokens
    }

    @Test
    void aMegabyteOfOpeningBracketsIsRefusedByTheNestingConstraint() {
        assertThat(classify("[".repeat(1_000_000))).isInstanceOf(SocketRequest.TooLong.class);
    }

    @Test
    void verbsAreCaseSensitive() {
        assertThat(classify("PARAMSVIEW")).isEqualTo(new SocketRequest.InlineAction("PARAMSVIEW"));
        assertThat(classify("paramadd key=x")).isEqualTo(new SocketRequest.InlineAction("paramadd"));
        assertThat(classify("exit")).isEqualTo(new SocketRequest.Verb(SocketVerb.EXIT, List.of()));
    }

    @Test
    void fileVerbTakesTheFirstArgument() {
        assertThat(classify("file")).isEqualTo(new SocketRequest.FileRequest(null));
        assertThat(classify("file a.txt b")).isEqualTo(new SocketRequest.FileRequest("a.txt"));
        assertThat(classify("file ")).isEqualTo(new SocketRequest.FileRequest(""));
    }

    @Test
    void inlineActionIgnoresTheOtherWords() {
        assertThat(classify("cacheTest key=abc value=def")).isEqualTo(new SocketRequest.InlineAction("cacheTest"));
        assertThat(classify(" x")).isEqualTo(new SocketRequest.InlineAction(""));
    }

    @Test
    void jsonObjectWithActionAndParamsKeepsNumberTypes() {
        SocketRequest r = classify(" {\"action\":\"a\",\"params\":{\"i\":4242,\"f\":1.5,\"s\":\"x\",\"n\":null}} ");
        assertThat(r).isInstanceOf(SocketRequest.JsonRequest.class);
        SocketRequest.JsonRequest j = (SocketRequest.JsonRequest) r;
        assertThat(j.hasAction()).isTrue();
        assertThat(j.action()).isEqualTo("a");
        assertThat(j.hasParams()).isTrue();
        assertThat(j.params().get("i")).isInstanceOf(Integer.class).isEqualTo(4242);
        assertThat(j.params().get("f")).isInstanceOf(Double.class).isEqualTo(1.5);
        assertThat(j.params()).containsKey("n");
        assertThat(j.params().keySet()).containsExactly("i", "f", "s", "n");
    }

    @Test
    void jsonParamsNullOrMissingAreDistinguished() {
        assertThat(classify("{\"params\":null}")).isEqualTo(new SocketRequest.JsonRequest(false, null, true, Map.of()));
        assertThat(classify("{\"action\":\"x\"}")).isEqualTo(new SocketRequest.JsonRequest(true, "x", false, Map.of()));
    }

    @Test
    void anyJsonTextIsAJsonRequestButNullIsAnInlineAction() {
        SocketRequest.JsonRequest bare = new SocketRequest.JsonRequest(false, null, false, Map.of());
        assertThat(classify("123")).isEqualTo(bare);
        assertThat(classify("[]")).isEqualTo(bare);
        assertThat(classify("\"x\"")).isEqualTo(bare);
        assertThat(classify("true")).isEqualTo(bare);
        assertThat(classify("null")).isEqualTo(new SocketRequest.InlineAction("null"));
    }

    @Test
    void trailingGarbageOrBrokenJsonIsAnInlineAction() {
        assertThat(classify("{\"action\":\"a\"} x")).isEqualTo(new SocketRequest.InlineAction("{\"action\":\"a\"}"));
        assertThat(classify("{\"action\":")).isEqualTo(new SocketRequest.InlineAction("{\"action\":"));
        assertThat(classify("123abc")).isEqualTo(new SocketRequest.InlineAction("123abc"));
        assertThat(classify("{} {}")).isEqualTo(new SocketRequest.InlineAction("{}"));
    }
}
