package io.tether.testkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.CacheEntry;
import io.tether.core.cache.CacheStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CacheStore} must share, run against each implementation by
 * extending this class: TTL, {@code createdAt}/{@code expiresAt}, destroy, exact size and the
 * types values load back with (integers as Long, unmodifiable List and Map).
 *
 * <pre>{@code
 * class CaffeineCacheStoreContractTest extends CacheStoreContract {
 *     protected CacheStore newStore() { return new CaffeineCacheStore(); }
 * }
 * }</pre>
 */
public abstract class CacheStoreContract {
    /** The store under test, fresh and empty for each test. */
    protected CacheStore store;

    /** Creates an empty store (its {@code size()} must start at 0). */
    protected abstract CacheStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void savedEntryLoadsWithItsTimes() {
        long before = System.currentTimeMillis();
        assertThat(store.save("k", "v", Duration.ofSeconds(5))).isTrue();
        long after = System.currentTimeMillis();
        CacheEntry e = store.load("k").orElseThrow();
        assertThat(e.key()).isEqualTo("k");
        assertThat(e.value()).isEqualTo("v");
        assertThat(e.createdAt()).isBetween(before, after);
        assertThat(e.expiresAt() - e.createdAt()).isEqualTo(5000);
    }

    @Test
    void withoutTtlNeverExpires() {
        store.save("a", "x", null);
        store.save("b", "y", Duration.ZERO);
        assertThat(store.load("a").orElseThrow().expiresAt()).isZero();
        assertThat(store.load("b").orElseThrow().expiresAt()).isZero();
    }

    @Test
    void missingKeyLoadsEmpty() {
        assertThat(store.load("nope")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesLoadBackAsPlainTypes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 7);
        nested.put("list", Arrays.asList(1, "two", 3.5, true, null));
        nested.put("none", null);
        store.save("s", "text", null);
        store.save("i", 42, null);
        store.save("l", 5_000_000_000L, null);
        store.save("d", 1.25, null);
        store.save("b", true, null);
        store.save("m", nested, null);
        store.save("null", null, null);
        assertThat(value("s")).isEqualTo("text");
        assertThat(value("i")).isEqualTo(42L);
        assertThat(value("l")).isEqualTo(5_000_000_000L);
        assertThat(value("d")).isEqualTo(1.25);
        assertThat(value("b")).isEqualTo(true);
        assertThat(store.load("null")).isPresent().get().extracting(CacheEntry::value).isNull();
        Map<String, Object> m = (Map<String, Object>) value("m");
        assertThat(m).containsOnlyKeys("n", "list", "none").containsEntry("n", 7L).containsEntry("none", null);
        assertThat(new ArrayList<>(m.keySet())).containsExactly("n", "list", "none");
        assertThat((List<Object>) m.get("list")).containsExactly(1L, "two", 3.5, true, null);
        assertThatThrownBy(() -> m.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unsupportedValueIsRefused() {
        assertThatThrownBy(() -> store.save("t", new Object(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.load("t")).isEmpty();
    }

    @Test
    void entryExpiresAfterItsTtl() throws InterruptedException {
        store.save("short", 1, Duration.ofMillis(150));
        store.save("forever", 2, null);
        assertThat(store.load("short")).isPresent();
        assertThat(store.size()).isEqualTo(2);
        awaitEmpty("short", Duration.ofSeconds(3));
        assertThat(store.size()).isEqualTo(1);
        assertThat(value("forever")).isEqualTo(2L);
    }

    @Test
    void saveOverwritesValueAndTtl() throws InterruptedException {
        store.save("k", "first", Duration.ofMillis(100));
        store.save("k", "second", null);
        Thread.sleep(250);
        CacheEntry e = store.load("k").orElseThrow();
        assertThat(e.value()).isEqualTo("second");
        assertThat(e.expiresAt()).isZero();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void destroyTellsWhetherTheEntryExisted() {
        store.save("k", "v", null);
        assertThat(store.destroy("k")).isTrue();
        assertThat(store.destroy("k")).isFalse();
        assertThat(store.load("k")).isEmpty();
    }

    @Test
    void sizeCountsLiveEntriesExactly() {
        assertThat(store.size()).isZero();
        for (int i = 0; i < 2500; i++) {
            store.save("key" + i, i, null);
        }
        store.destroy("key7");
        assertThat(store.size()).isEqualTo(2499);
    }

    private Object value(String key) {
        Optional<CacheEntry> e = store.load(key);
        assertThat(e).as("entry %s", key).isPresent();
        return e.get().value();
    }

    private void awaitEmpty(String key, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (store.load(key).isPresent()) {
            assertThat(System.nanoTime()).as("%s still present after %s", key, max).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
