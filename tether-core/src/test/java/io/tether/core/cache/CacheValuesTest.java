package io.tether.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CacheValuesTest {
    private enum Color { RED }

    private enum Undefined { INSTANCE }

    @Test
    void numbersBecomeLongOrDouble() {
        assertThat(CacheValues.normalize(7)).isEqualTo(7L);
        assertThat(CacheValues.normalize((short) 7)).isEqualTo(7L);
        assertThat(CacheValues.normalize(2.5f)).isEqualTo(2.5);
        assertThat(CacheValues.normalize(BigInteger.TEN)).isEqualTo(10L);
        BigInteger huge = BigInteger.TWO.pow(70);
        assertThat(CacheValues.normalize(huge)).isEqualTo(huge);
    }

    @Test
    void containersAreCopiedImmutablyAndInOrder() {
        Map<Object, Object> source = new LinkedHashMap<>();
        source.put(2, Arrays.asList(1, null, Color.RED, 'c'));
        source.put("a", new int[0].length);
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) CacheValues.normalize(source);
        assertThat(copy).containsExactly(Map.entry("2", Arrays.asList(1L, null, "RED", "c")), Map.entry("a", 0L));
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(CacheValues.normalize(new Object[] {1, "x"})).isEqualTo(List.of(1L, "x"));
        assertThat(CacheValues.normalize(Set.of(true))).isEqualTo(List.of(true));
    }

    @Test
    void undefinedIsDroppedFromMapsAndNullInLists() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("gone", Undefined.INSTANCE);
        source.put("list", Arrays.asList(1, Undefined.INSTANCE));
        assertThat(CacheValues.normalize(source)).isEqualTo(Map.of("list", Arrays.asList(1L, null)));
        assertThat(CacheValues.normalize(Undefined.INSTANCE)).isNull();
    }

    @Test
    void otherTypesAreRefused() {
        assertThatThrownBy(() -> CacheValues.normalize(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
    }
}
