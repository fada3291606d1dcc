package io.tether.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Publishes are written in issue order even while their shard connections are still being opened. */
class PublishOrderTest {
    private final Map<String, CompletableFuture<Object>> connections = new ConcurrentHashMap<>();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final PublishOrder order = new PublishOrder(channel -> connections.computeIfAbsent(channel,
            c -> new CompletableFuture<>()));

    @Test
    void singleConnectionWritesAtOnce() {
        PublishOrder single = PublishOrder.singleConnection();
        single.issue("a", () -> written.add("1"));
        single.issue("b", () -> written.add("2"));
        assertThat(written).containsExactly("1", "2");
    }

    @Test
    void openConnectionsWriteAtOnce() {
        connections.put("a", CompletableFuture.completedFuture(new Object()));
        order.issue("a", () -> written.add("1"));
        order.issue("a", () -> written.add("2"));
        assertThat(written).containsExactly("1", "2");
    }

    @Test
    void publishesWaitingForConnectionsAreWrittenInIssueOrder() {
        connections.put("open", CompletableFuture.completedFuture(new Object()));
        for (int i = 0; i < 100; i++) {
            String n = Integer.toString(i);
            order.issue(i % 3 == 0 ? "open" : i % 3 == 1 ? "x" : "y", () -> written.add(n));
        }
        // the first one waits for "x"; everything after it waits behind it, even on an open connection
        assertThat(written).containsExactly("0");
        connections.get("y").complete(new Object());
        assertThat(written).containsExactly("0");
        connections.get("x").completeExceptionally(new IllegalStateException("refused")); // Lettuce fails the write
        assertThat(written).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(written.get(i)).isEqualTo(Integer.toString(i));
        }
        order.issue("x", () -> written.add("after"));
        assertThat(written).hasSize(101).last().isEqualTo("after");
    }

    @Test
    void aLongQueueDrainsWithoutGrowingTheStack() {
        AtomicInteger count = new AtomicInteger();
        for (int i = 0; i < 200_000; i++) {
            order.issue("x", count::incrementAndGet);
        }
        connections.get("x").complete(new Object());
        assertThat(count).hasValue(200_000);
    }
}
