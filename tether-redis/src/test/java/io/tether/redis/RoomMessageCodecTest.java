package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.RoomMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RoomMessageCodecTest {
    private final RoomMessageCodec codec = new RoomMessageCodec(JsonMapper.builder().build());

    @Test
    void writesTheFourPropertiesInOrder() {
        assertThat(codec.encode(new RoomMessage("lobby", "a1", "hi \"you\"\n", 1_796_000_000_123L)))
                .isEqualTo("{\"room\":\"lobby\",\"from\":\"a1\",\"message\":\"hi \\\"you\\\"\\n\",\"sentAt\":1796000000123}");
    }

    @Test
    void readsWhatItWrites() {
        RoomMessage m = new RoomMessage("r\u00e9", "f", "emoji \ud83d\ude00 \u0000 \\ / end", Long.MAX_VALUE);
        assertThat(codec.decode(codec.encode(m))).isEqualTo(m);
    }

    @Test
    void readsPropertiesInAnyOrderIgnoringOthers() {
        assertThat(codec.decode("{\"sentAt\":5,\"x\":{\"deep\":[1,{\"room\":\"no\"}]},\"message\":\"m\","
                + "\"from\":\"f\",\"room\":\"r\",\"y\":[true]}")).isEqualTo(new RoomMessage("r", "f", "m", 5));
    }

    @Test
    void takesTheTextOfAScalarSenderAndTruncatesAFractionalTime() {
        assertThat(codec.decode("{\"room\":\"r\",\"from\":42,\"message\":\"m\",\"sentAt\":7.9}"))
                .isEqualTo(new RoomMessage("r", "42", "m", 7));
    }

    @Test
    void theLastOfARepeatedPropertyCounts() {
        assertThat(codec.decode("{\"room\":\"a\",\"from\":\"f\",\"message\":\"m\",\"sentAt\":1,\"room\":\"b\"}"))
                .isEqualTo(new RoomMessage("b", "f", "m", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "\"text\"", "42", "null", "{", "{\"room\":\"r\"",
        "{\"from\":\"f\",\"message\":\"m\",\"sentAt\":1}",
        "{\"room\":\"r\",\"message\":\"m\",\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":\"f\",\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":\"m\"}",
        "{\"room\":1,\"from\":\"f\",\"message\":\"m\",\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":null,\"message\":\"m\",\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":{},\"message\":\"m\",\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":[\"m\"],\"sentAt\":1}",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":\"m\",\"sentAt\":\"1\"}",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":\"m\",\"sentAt\":1} trailing",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":\"m\",\"sentAt\":1}{}",
        "{\"room\":\"r\",\"from\":\"f\",\"message\":\"m\",\"sentAt\":99999999999999999999999}",
    })
    void anythingElseIsNotARoomMessage(String payload) {
        assertThat(codec.decode(payload)).isNull();
    }
}
