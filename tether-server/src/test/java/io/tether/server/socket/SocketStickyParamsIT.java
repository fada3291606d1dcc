package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.Refusal;
import io.tether.testkit.LineClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #11 item 7: sticky params are bounded per value and per connection, and the
 * messageId in length, on both the paramAdd and the JSON path; over a bound the request
 * gets an error reply and nothing is stored.
 */
class SocketStickyParamsIT {
    private static final String[] KEYS = {"key", "value", "payload", "file", "apiVersion", "callback",
        "sleepDuration", "action"};

    private static SocketServerFixture start() {
        return SocketServerFixture.start(b -> b.stickyParams(StickyParamLimits.defaults().toBuilder()
                .maxValueBytes(1000).maxTotalBytes(3000).maxMessageIdLength(64).build()));
    }

    private static long refusals(SocketServerFixture fx, Refusal r) {
        return fx.server().core().refusals().get(r);
    }

    @Test
    void manyConnectionsFillingEveryAllowedKeyHoldAtMostTheTotalEach() {
        try (SocketServerFixture fx = start()) {
            List<LineClient> attackers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                LineClient c = fx.client();
                attackers.add(c);
                for (String key : KEYS) {
                    call(c, "paramAdd " + key + "=" + "v".repeat(900));
                }
            }
            for (LineClient c : attackers) {
                c.send("paramsView");
                String line = c.readLine(WAIT);
                assertThat(line.length()).as("what the connection holds").isLessThan(3200);
            }
            assertThat(refusals(fx, Refusal.STICKY_PARAMS)).isGreaterThanOrEqualTo(10 * 5);
            LineClient other = fx.client();
            assertThat(call(other, "randomNumber")).containsKey("randomNumber");
        }
    }

    @Test
    void anOverLongValueIsRefusedWithAnErrorAndNotStored() {
        try (SocketServerFixture fx = start()) {
            LineClient c = fx.client();
            call(c, "paramAdd key=kept");
            Map<String, Object> refused = call(c, "paramAdd key=" + "x".repeat(1001));
            assertThat(refused).containsKey("error").doesNotContainKey("status")
                    .containsEntry("context", "response").containsKey("messageId");
            assertThat((String) refused.get("error")).contains("1000");
            assertThat(call(c, "paramsView")).containsEntry("data", Map.of("key", "kept"));
            assertThat(call(c, "paramAdd key=" + "x".repeat(1000))).containsEntry("status", "OK");
            assertThat(refusals(fx, Refusal.STICKY_PARAMS)).isEqualTo(1);
        }
    }

    @Test
    void jsonParamsOverTheBoundsAreRefusedAndTheOldParamsStay() {
        try (SocketServerFixture fx = start()) {
            LineClient c = fx.client();
            call(c, "paramAdd key=kept");
            Map<String, Object> big = call(c, "{\"action\":\"echo\",\"params\":{\"payload\":\"" + "y".repeat(1200)
                    + "\"}}");
            assertThat(big).containsKey("error").doesNotContainKey("payload");
            // tiny members cost what they weigh in memory, not their few bytes of JSON
            String many = "[" + "{},".repeat(400) + "{}]";
            Map<String, Object> amplified = call(c, "{\"action\":\"echo\",\"params\":{\"payload\":" + many + "}}");
            assertThat(amplified).containsKey("error").doesNotContainKey("payload");
            assertThat(call(c, "paramsView")).containsEntry("data", Map.of("key", "kept"));
            assertThat(refusals(fx, Refusal.STICKY_PARAMS)).isEqualTo(2);
            assertThat(call(c, "{\"action\":\"echo\",\"params\":{\"payload\":\"ok\"}}"))
                    .containsEntry("payload", "ok");
        }
    }

    @Test
    void anOverLongMessageIdIsRefusedOnBothPaths() {
        try (SocketServerFixture fx = start()) {
            LineClient c = fx.client();
            call(c, "paramAdd messageId=abc");
            Map<String, Object> verb = call(c, "paramAdd messageId=" + "m".repeat(65));
            assertThat(verb).containsKey("error").containsEntry("messageId", "abc");
            assertThat((String) verb.get("error")).contains("messageId");
            Map<String, Object> json = call(c, "{\"action\":\"randomNumber\",\"params\":{\"messageId\":\""
                    + "m".repeat(65) + "\"}}");
            assertThat(json).containsKey("error").doesNotContainKey("randomNumber").containsEntry("messageId", "abc");
            assertThat(refusals(fx, Refusal.MESSAGE_ID_TOO_LONG)).isEqualTo(2);
            assertThat(call(c, "paramView messageId")).containsEntry("data", "abc");
            assertThat(call(c, "paramAdd messageId=" + "m".repeat(64))).containsEntry("status", "OK");
            assertThat(call(c, "randomNumber")).containsEntry("messageId", "m".repeat(64));
        }
    }
}
