package io.tether.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.ErrorCode;
import io.tether.core.TetherCore;
import io.tether.core.action.ActionOutcome;
import io.tether.core.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo actions run through a real {@link TetherCore} processor. */
class DemoActionsTest {
    private final ServerIdentity identity = new ServerIdentity("test-server", "demo", "the demo", "1.2.3", "0.1.0",
            System.currentTimeMillis() - 1000);
    private final TetherCore core = DemoApplication.install(TetherCore.builder(), identity).build();
    private final Session connection = Session.open("test", "127.0.0.1", 40000, m -> { });

    @AfterEach
    void close() {
        core.close();
    }

    private ActionOutcome run(String action, Map<String, ?> params) throws Exception {
        return core.processor().process(connection, action, params).get(5, TimeUnit.SECONDS);
    }

    @Test
    void randomNumberRepliesWithTheNumberAndItsSentence() throws Exception {
        ActionOutcome out = run("randomNumber", Map.of());
        assertThat(out.ok()).isTrue();
        assertThat(out.fields()).containsOnlyKeys("randomNumber", "stringRandomNumber");
        double n = (Double) out.fields().get("randomNumber");
        assertThat(n).isBetween(0.0, 1.0);
        String sentence = (String) out.fields().get("stringRandomNumber");
        assertThat(sentence).startsWith("Your random number is ");
        assertThat(Double.parseDouble(sentence.substring("Your random number is ".length()))).isEqualTo(n);
    }

    @Test
    void randomNumberSentenceNeverUsesExponents() {
        assertThat(RandomNumberAction.plain(1.0E-4)).isEqualTo("0.0001");
        assertThat(RandomNumberAction.plain(0.5)).isEqualTo("0.5");
        assertThat(RandomNumberAction.plain(0)).isEqualTo("0");
        assertThat(RandomNumberAction.plain(0.123456789)).isEqualTo("0.123456789");
        assertThat(RandomNumberAction.plain(2.0)).isEqualTo("2");
        assertThat(RandomNumberAction.plain(1.5e7)).isEqualTo("15000000");
        for (int i = 0; i < 1000; i++) {
            double d = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
            assertThat(RandomNumberAction.plain(d)).isEqualTo(java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheTestSavesCountsLoadsAndDeletes() throws Exception {
        long before = System.currentTimeMillis();
        ActionOutcome out = run("cacheTest", Map.of("key", "myKey", "value", "myValue"));
        assertThat(out.ok()).isTrue();
        assertThat(out.fields()).containsOnlyKeys("cacheTestResults");
        Map<String, Object> results = (Map<String, Object>) out.fields().get("cacheTestResults");
        assertThat(results).containsExactly(Map.entry("saveResp", true), Map.entry("sizeResp", 1L),
                Map.entry("loadResp", results.get("loadResp")), Map.entry("deleteResp", true));
        Map<String, Object> loaded = (Map<String, Object>) results.get("loadResp");
        assertThat(loaded).containsOnlyKeys("key", "value", "createdAt")
                .containsEntry("key", "cacheTest_myKey").containsEntry("value", "myValue");
        assertThat((Long) loaded.get("createdAt")).isGreaterThanOrEqualTo(before);
        assertThat(core.cache().size()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cacheTestCoercesValuesToStrings() throws Exception {
        ActionOutcome out = run("cacheTest", Map.of("key", 12345L, "value", List.of(1L, 2L, 3L)));
        Map<String, Object> loaded = (Map<String, Object>) ((Map<String, Object>) out.fields()
                .get("cacheTestResults")).get("loadResp");
        assertThat(loaded).containsEntry("key", "cacheTest_12345").containsEntry("value", "1,2,3");
    }

    @Test
    void cacheTestReportsTheMissingKeyFirst() throws Exception {
        ActionOutcome out = run("cacheTest", Map.of());
        assertThat(out.ok()).isFalse();
        assertThat(out.error().code()).isEqualTo(ErrorCode.PARAM_REQUIRED);
        assertThat(out.error().getMessage()).isEqualTo("key is a required parameter for this action");
    }

    @Test
    void cacheTestRejectsShortInputs() throws Exception {
        ActionOutcome out = run("cacheTest", Map.of("key", "ab", "value", "long enough"));
        assertThat(out.ok()).isFalse();
        assertThat(out.error().getMessage()).isEqualTo("inputs should be at least 3 letters long");
        assertThat(core.cache().size()).isZero();
    }

    @Test
    void sleepTestSleepsTheRequestedTime() throws Exception {
        ActionOutcome out = run("sleepTest", Map.of("sleepDuration", "120"));
        assertThat(out.ok()).isTrue();
        assertThat(out.fields()).containsOnlyKeys("sleepStarted", "sleepEnded", "sleepDelta", "sleepDuration")
                .containsEntry("sleepDuration", 120L);
        long started = (Long) out.fields().get("sleepStarted");
        long ended = (Long) out.fields().get("sleepEnded");
        assertThat(out.fields().get("sleepDelta")).isEqualTo(ended - started);
        assertThat(ended - started).isBetween(110L, 2000L);
    }

    @Test
    void sleepTestDefaultsToOneSecond() throws Exception {
        ActionOutcome out = run("sleepTest", Map.of());
        assertThat(out.fields()).containsEntry("sleepDuration", 1000L);
        assertThat((Long) out.fields().get("sleepDelta")).isGreaterThanOrEqualTo(990L);
    }

    @Test
    void sleepTestWithANonNumberDoesNotSleepAndReportsNull() throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("sleepDuration", "soon");
        ActionOutcome out = run("sleepTest", params);
        assertThat(out.ok()).isTrue();
        assertThat(out.fields()).containsKey("sleepDuration");
        assertThat(out.fields().get("sleepDuration")).isNull();
        assertThat((Long) out.fields().get("sleepDelta")).isLessThan(100L);
    }

    @Test
    void statusReportsTheServerAndItsHealth() throws Exception {
        ActionOutcome out = run("status", Map.of());
        assertThat(out.ok()).isTrue();
        assertThat(out.fields()).containsOnlyKeys("id", "actionheroVersion", "tetherVersion", "name", "description", "version", "uptime",
                        "consumedMemoryMB", "nodeStatus", "problems")
                .containsEntry("id", "test-server").containsEntry("actionheroVersion", "29.3.5")
                .containsEntry("tetherVersion", "0.1.0")
                .containsEntry("name", "demo").containsEntry("version", "1.2.3")
                .containsEntry("nodeStatus", "Node Healthy").containsEntry("problems", List.of());
        assertThat((Long) out.fields().get("uptime")).isGreaterThanOrEqualTo(1000L);
        assertThat((Double) out.fields().get("consumedMemoryMB")).isPositive();
    }

    @Test
    void demoRoomsExistAtBoot() {
        assertThat(core.rooms().list()).containsExactlyInAnyOrder("defaultRoom", "otherRoom");
    }
}
