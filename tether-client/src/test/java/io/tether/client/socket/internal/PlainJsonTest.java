package io.tether.client.socket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlainJsonTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void objectsArraysAndScalarsBecomePlainJava() {
        Map<String, Object> m = PlainJson.object(json.readTree(
                "{\"b\":1,\"a\":[true,null,\"x\",2.5],\"big\":123456789012,\"huge\":123456789012345678901234567890,"
                        + "\"o\":{\"k\":\"v\"},\"n\":null}"));
        assertThat(m.keySet()).containsExactly("b", "a", "big", "huge", "o", "n");
        assertThat(m.get("b")).isEqualTo(1);
        assertThat(m.get("a")).isEqualTo(Arrays.asList(true, null, "x", 2.5));
        assertThat(m.get("big")).isEqualTo(123456789012L);
        assertThat(m.get("huge")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("o")).isEqualTo(Map.of("k", "v"));
        assertThat(m).containsEntry("n", null);
    }

    @Test
    void resultIsUnmodifiable() {
        Map<String, Object> m = PlainJson.object(json.readTree("{\"a\":[1]}"));
        assertThatThrownBy(() -> m.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) m.get("a")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nonObjectGivesAnEmptyMap() {
        assertThat(PlainJson.object(json.readTree("[1]"))).isEmpty();
        assertThat(PlainJson.object(null)).isEmpty();
    }
}
