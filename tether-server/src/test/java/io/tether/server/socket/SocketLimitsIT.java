package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.Refusal;
import io.tether.testkit.LineClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketLimitsIT {

    @Test
    void maxDataLengthBoundaryInUtf8Bytes() {
        try (SocketServerFixture fx = SocketServerFixture.start(b -> b.maxDataLength(20))) {
            LineClient c = fx.client();
            c.send("x".repeat(21));
            assertThat(c.readLine(WAIT)).isEqualTo("{\"status\":\"error\",\"error\":\"DATA_LENGTH_TOO_LONG\","
                    + "\"context\":\"response\",\"messageId\":\"0\",\"messageCount\":1}");
            String exactly20 = "paramAdd key=" + "é".repeat(3) + "a"; // 13 + 6 + 1 bytes
            assertThat(call(c, exactly20)).containsEntry("status", "OK").containsEntry("messageCount", 2);
            Map<String, Object> last = call(c, "paramsView");
            assertThat(last).containsEntry("data", Map.of("key", "éééa"));
            Object lastId = last.get("messageId");
            assertThat(call(c, exactly20 + "é")).containsEntry("error", "DATA_LENGTH_TOO_LONG")
                    .containsEntry("messageId", lastId).containsEntry("messageCount", 4);
            assertThat(call(c, "paramsView")).containsEntry("data", Map.of("key", "éééa"));
        }
    }

    @Test
    void overCapLineClosesOnlyThatConnection() {
        try (SocketServerFixture fx = SocketServerFixture.start(b -> b.maxLineBytes(4096))) {
            LineClient bystander = fx.client();
            call(bystander, "paramAdd key=keep");
            LineClient flooder = fx.client();
            flooder.sendRaw("y".repeat(5000));
            assertThat(flooder.awaitClosed(WAIT)).isTrue();
            assertThat(fx.server().core().refusals().get(Refusal.MESSAGE_TOO_LARGE)).isEqualTo(1);
            assertThat(call(bystander, "paramsView")).containsEntry("data", Map.of("key", "keep"));
            LineClient next = fx.client();
            assertThat(call(next, "randomNumber")).containsKey("randomNumber");
        }
    }

    @Test
    void aClientThatReadsLateStillGetsEveryReplyInOrderWithoutHurtingOthers() throws InterruptedException {
        try (SocketServerFixture fx = SocketServerFixture.start()) {
            LineClient lazy = fx.client();
            int lines = 20_000;
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    lazy.sendRaw("paramsView\n".repeat(lines));
                } catch (RuntimeException closed) {
                    // fine: the test closes the client
                }
            });
            Thread.sleep(300); // let the server's outbound buffer pass its high watermark
            LineClient other = fx.client();
            assertThat(call(other, "randomNumber")).containsKey("randomNumber");
            for (int i = 1; i <= lines; i++) {
                assertThat(lazy.readLine(WAIT)).endsWith(",\"messageCount\":" + i + "}");
            }
            writer.join(5000);
            assertThat(writer.isAlive()).isFalse();
        }
    }
}
