package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static io.tether.server.socket.SocketServerFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.testkit.LineClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketActionsIT {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private final SocketServerFixture fx = SocketServerFixture.start();

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void inlineCallIgnoresOtherWordsAndUsesStickyParams() {
        LineClient c = fx.client();
        c.send("cacheTest key=abc value=def");
        assertThat(c.readLine(WAIT)).matches("\\{\"error\":\"key is a required parameter for this action\","
                + "\"context\":\"response\",\"messageId\":\"" + UUID + "\",\"messageCount\":1}");
        call(c, "paramAdd key=myKey");
        call(c, "paramAdd value=myValue");
        assertThat(call(c, "paramsView")).containsEntry("data",
                Map.of("action", "cacheTest", "key", "myKey", "value", "myValue"));
        Map<String, Object> ok = call(c, "cacheTest");
        assertThat(ok.keySet()).containsExactly("cacheTestResults", "context", "messageId", "messageCount");
        assertThat(ok).containsEntry("cacheTestResults", Map.of("key", "myKey", "value", "myValue"));
        call(c, "paramAdd key=ab");
        assertThat(call(c, "cacheTest")).containsEntry("error", "inputs should be at least 3 letters long");
    }

    @Test
    void actionThatThrowsAPlainExceptionRepliesAnInternalErrorWithARefAndKeepsEarlierFields() {
        LineClient c = fx.client();
        c.send("boom");
        assertThat(c.readLine(WAIT)).matches("\\{\"partial\":1,\"error\":\"internal error \\(ref [0-9a-f]{8}\\)\",\"context\":\"response\","
                + "\"messageId\":\"" + UUID + "\",\"messageCount\":1}");
        assertThat(call(c, "randomNumber")).containsKeys("randomNumber", "stringRandomNumber")
                .doesNotContainKey("error");
    }

    @Test
    void stickyMessageIdSequenceOfSection5() {
        LineClient c = fx.client();
        Map<String, Object> add = call(c, "paramAdd messageId=zzz");
        assertThat((String) add.get("messageId")).matches(UUID);
        assertThat(call(c, "randomNumber")).containsEntry("messageId", "zzz");
        assertThat(call(c, "paramDelete messageId")).containsEntry("messageId", "zzz");
        Map<String, Object> fresh1 = call(c, "randomNumber");
        Map<String, Object> fresh2 = call(c, "randomNumber");
        assertThat((String) fresh1.get("messageId")).matches(UUID).isNotEqualTo(fresh2.get("messageId"));
    }

    @Test
    void jsonMessageIdSequenceOfSection5KeepsTheJsonType() {
        LineClient c = fx.client();
        assertThat(call(c, "{\"action\":\"randomNumber\",\"params\":{\"messageId\":\"abc123\"}}"))
                .containsEntry("messageId", "abc123").containsKey("randomNumber");
        assertThat(call(c, "randomNumber")).containsEntry("messageId", "abc123");
        assertThat(call(c, "{\"action\":\"randomNumber\",\"params\":{}}")).containsEntry("messageId", "abc123");
        Map<String, Object> view = call(c, "paramsView");
        assertThat(view).containsEntry("data", Map.of("action", "randomNumber"));
        assertThat((String) view.get("messageId")).matches(UUID);
        c.send("{\"action\":\"randomNumber\",\"params\":{\"messageId\":4242}}");
        assertThat(c.readLine(WAIT)).contains("\"messageId\":4242,\"messageCount\":5}");
    }

    @Test
    void nodeClientPatternParamAddThenJsonWithoutIdGetsTheAddedId() {
        LineClient c = fx.client();
        c.send("paramAdd messageId=X1");
        c.send("{\"action\":\"cacheTest\",\"params\":{\"key\":\"mykey\",\"value\":\"myValue\"}}");
        assertThat(c.readMap(WAIT)).containsEntry("status", "OK").doesNotContainEntry("messageId", "X1");
        assertThat(c.readMap(WAIT)).containsEntry("messageId", "X1").containsKey("cacheTestResults");
    }

    @Test
    void observedJsonSequenceOfSection8() {
        LineClient c = fx.client();
        call(c, "paramAdd key=stickyKey");
        call(c, "paramAdd value=stickyValue");
        assertThat(call(c, "{\"action\":\"cacheTest\",\"params\":{\"key\":\"jsonKey\"}}"))
                .containsEntry("error", "value is a required parameter for this action");
        Map<String, Object> view = call(c, "paramsView");
        assertThat(view).containsEntry("data", Map.of("key", "jsonKey", "action", "cacheTest"));
    }

    @Test
    void jsonWithoutParamsUsesStickyParamsAndWithoutActionRerunsTheStoredOne() {
        LineClient c = fx.client();
        call(c, "paramAdd key=abcd");
        call(c, "paramAdd value=efgh");
        assertThat(call(c, " {\"action\":\"cacheTest\"} ")).containsKey("cacheTestResults");
        assertThat(call(c, "{}")).containsKey("cacheTestResults");
        assertThat(call(c, "123")).containsKey("cacheTestResults");
        assertThat(call(c, "{\"params\":null}")).containsEntry("error", "unknown action or invalid apiVersion");
        assertThat(call(c, "null")).containsEntry("error", "unknown action or invalid apiVersion");
        assertThat(call(c, "paramsView")).containsEntry("data", Map.of("action", "null"));
    }

    @Test
    void jsonNumbersKeepIntegerOrFloatingType() {
        LineClient c = fx.client();
        c.send("{\"action\":\"echo\",\"params\":{\"payload\":4242}}");
        assertThat(c.readLine(WAIT)).startsWith("{\"payload\":4242,\"type\":\"Integer\",");
        c.send("{\"action\":\"echo\",\"params\":{\"payload\":1.5}}");
        assertThat(c.readLine(WAIT)).startsWith("{\"payload\":1.5,\"type\":\"Double\",");
        c.send("{\"action\":\"echo\",\"params\":{\"payload\":\"héllo\"}}");
        assertThat(c.readLine(WAIT)).startsWith("{\"payload\":\"héllo\",\"type\":\"String\",");
    }

    @Test
    void messageCountCountsEveryNonEmptyLine() {
        LineClient c = fx.client();
        c.send("paramsView\n\nrandomNumber\n{\"action\":\"randomNumber\"}\nunknownThing");
        List<Object> counts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            counts.add(c.readMap(WAIT).get("messageCount"));
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void actionsRunConcurrentlyAndRepliesComeOutOfOrder() {
        LineClient c = fx.client();
        long start = System.nanoTime();
        c.sendRaw("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":500}}\r\nrandomNumber\r\n");
        Map<String, Object> first = c.readMap(WAIT);
        Map<String, Object> second = c.readMap(WAIT);
        assertThat(first).containsKey("randomNumber").containsEntry("messageCount", 2);
        assertThat(second).containsEntry("sleepDuration", 500).containsEntry("messageCount", 1);
        assertThat(((Number) second.get("sleepDelta")).longValue()).isGreaterThanOrEqualTo(500);
        assertThat(first.get("messageId")).isNotEqualTo(second.get("messageId"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
    }

    @Test
    void nonBlockingActionsOvertakeASleepingOneAndAPipelinedBatchIsAnsweredInLineOrder() {
        LineClient c = fx.client();
        StringBuilder lines = new StringBuilder("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":300}}\n");
        for (int i = 0; i < 40; i++) {
            lines.append("{\"action\":\"echo\",\"params\":{\"payload\":").append(i).append("}}\n");
        }
        c.sendRaw(lines.toString());
        for (int i = 0; i < 40; i++) {
            assertThat(c.readMap(WAIT)).containsEntry("payload", i).containsEntry("type", "Integer")
                    .containsEntry("messageCount", i + 2).containsEntry("context", "response");
        }
        assertThat(c.readMap(WAIT)).containsEntry("sleepDuration", 300).containsEntry("messageCount", 1);
    }

    @Test
    void sixthPendingActionIsRefusedAndCountersAreLive() {
        LineClient c = fx.client();
        call(c, "paramAdd sleepDuration=700");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append("sleepTest\n");
        }
        lines.append("detailsView\n");
        c.sendRaw(lines.toString());
        Map<String, Object> refused = c.readMap(WAIT);
        assertThat(refused).containsEntry("error", "you have too many pending requests")
                .containsEntry("messageCount", 7);
        Map<String, Object> details = c.readMap(WAIT);
        assertThat(details).containsEntry("status", "OK");
        assertThat(details.get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("totalActions", 6).containsEntry("pendingActions", 5);
        for (int i = 0; i < 5; i++) {
            assertThat(c.readMap(WAIT)).containsEntry("sleepDuration", 700);
        }
        assertThat(call(c, "detailsView").get("data")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("totalActions", 6).containsEntry("pendingActions", 0);
    }

    @Test
    void aStuckClientDoesNotAffectAnotherConnection() {
        LineClient busy = fx.client();
        busy.send("{\"action\":\"sleepTest\",\"params\":{\"sleepDuration\":800}}");
        LineClient other = fx.client();
        assertThat(call(other, "randomNumber")).containsKey("randomNumber");
        assertThat(busy.readMap(WAIT)).containsEntry("sleepDuration", 800);
    }
}
