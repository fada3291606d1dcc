package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.limits.Refusal;
import io.tether.core.limits.Refusals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StickyParamsTest {
    private final Refusals refusals = new Refusals();
    private final StickyParams params = new StickyParams(new StickyParamsPolicy(StickyParamLimits.defaults()
            .toBuilder().maxValueBytes(100).maxTotalBytes(300).maxMessageIdLength(10).build(), refusals), "192.0.2.1");

    @Test
    void theSizeFollowsEveryChangeAndStaysWithinTheTotal() {
        assertThat(params.put("key", "x".repeat(100))).isNull();
        assertThat(params.size()).isEqualTo(StickyParams.ENTRY_OVERHEAD + 3 + 100);
        assertThat(params.put("key", "short")).isNull();
        assertThat(params.size()).isEqualTo(StickyParams.ENTRY_OVERHEAD + 3 + 5);
        assertThat(params.put("value", "y".repeat(100))).isNull();
        assertThat(params.put("payload", "z".repeat(100))).isNull();
        assertThat(params.put("file", "w".repeat(100))).contains("too large");
        assertThat(params.view()).doesNotContainKey("file");
        params.remove("payload");
        assertThat(params.size()).isEqualTo(2L * StickyParams.ENTRY_OVERHEAD + 3 + 5 + 5 + 100);
        params.clear();
        assertThat(params.size()).isZero();
        assertThat(refusals.get(Refusal.STICKY_PARAMS)).isEqualTo(1);
    }

    @Test
    void replaceIsAllOrNothingAndWeighsNestedMembers() {
        params.put("key", "kept");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(Map.of());
        }
        assertThat(params.replace(Map.of("payload", many), "echo")).isNotNull(); // 10 * 16 > 100
        assertThat(params.view()).containsExactly(Map.entry("key", "kept"));
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("action", "old");
        ok.put("payload", List.of(1, 2));
        assertThat(params.replace(ok, "echo")).isNull();
        assertThat(params.view()).containsExactly(Map.entry("action", "echo"), Map.entry("payload", List.of(1, 2)));
        assertThat(params.size()).isEqualTo(2L * StickyParams.ENTRY_OVERHEAD + 6 + 4 + 7
                + 2L * (StickyParams.ENTRY_OVERHEAD + StickyParams.SCALAR));
    }

    @Test
    void messageIdHasItsOwnBound() {
        assertThat(params.put("messageId", "0123456789")).isNull();
        assertThat(params.put("messageId", "0123456789a")).contains("messageId");
        assertThat(params.replace(Map.of("messageId", "0123456789a"), null)).contains("messageId");
        assertThat(params.view()).containsEntry("messageId", "0123456789");
        assertThat(refusals.get(Refusal.MESSAGE_ID_TOO_LONG)).isEqualTo(2);
    }

    @Test
    void aHugeValueIsMeasuredOnlyUpToTheBound() {
        List<Object> huge = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            huge.add(i);
        }
        assertThat(StickyParams.sizeOf(huge, 100)).isBetween(101L, 200L);
    }
}
