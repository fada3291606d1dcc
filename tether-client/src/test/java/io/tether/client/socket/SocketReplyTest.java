package io.tether.client.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketReplyTest {
    private final SocketReply reply = new SocketReply(Map.of(
            "messageId", "m-1",
            "data", List.of(1, "two"),
            "cacheTestResults", Map.of("loadResp", Map.of("key", "cacheTest_k", "size", BigInteger.TEN))),
            Duration.ofMillis(3));

    @Test
    void membersAndPaths() {
        assertThat(reply.messageId()).isEqualTo("m-1");
        assertThat(reply.error()).isNull();
        assertThat(reply.data()).isEqualTo(List.of(1, "two"));
        assertThat(reply.at("cacheTestResults", "loadResp", "key")).isEqualTo("cacheTest_k");
        assertThat(reply.at("cacheTestResults", "loadResp", "size")).isEqualTo(BigInteger.TEN);
        assertThat(reply.at("cacheTestResults", "missing", "key")).isNull();
        assertThat(reply.at("messageId", "deeper")).isNull();
        assertThat(reply.at()).isSameAs(reply.body());
    }

    @Test
    void errorText() {
        assertThat(new SocketReply(Map.of("error", "boom"), Duration.ZERO).error()).isEqualTo("boom");
    }
}
