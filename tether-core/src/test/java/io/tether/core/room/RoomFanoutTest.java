package io.tether.core.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.session.Session;
import io.tether.core.limits.Refusals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fan-out of room messages: serialized once, large rooms off the sender's thread, in order per member. */
class RoomFanoutTest {
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final RoomService rooms = new RoomService(new MemoryRoomBroker(), workers, new Refusals());

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private record Member(Session connection, List<String> received, Map<String, Boolean> threads) {
    }

    private List<Member> join(int n, AtomicInteger encodings) {
        rooms.create("big");
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> received = new CopyOnWriteArrayList<>();
            Map<String, Boolean> threads = new ConcurrentHashMap<>();
            Session c = Session.openShared("test", "127.0.0.1", i, d -> {
                threads.put(Thread.currentThread().getName(), true);
                received.add(d.shared("test-form", m -> {
                    encodings.incrementAndGet();
                    return m.message();
                }));
            });
            rooms.join(c, "big").join();
            members.add(new Member(c, received, threads));
        }
        return members;
    }

    @Test
    void aLargeRoomIsServedOffTheSendersThreadWithOneSerializationPerMessageInOrder() throws Exception {
        AtomicInteger encodings = new AtomicInteger();
        List<Member> members = join(500, encodings);
        String sender = Thread.currentThread().getName();
        for (int i = 0; i < 50; i++) {
            rooms.say(members.get(0).connection(), "big", "m" + i).join();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> members.stream().allMatch(m -> m.received().size() >= 50));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("m" + i);
        }
        for (Member m : members) {
            assertThat(m.received()).containsExactlyElementsOf(expected);
            assertThat(m.threads()).doesNotContainKey(sender);
        }
        assertThat(encodings.get()).as("one serialization per message, not per member").isEqualTo(50);
    }

    @Test
    void aSmallRoomIsServedOnTheSendersThread() {
        AtomicInteger encodings = new AtomicInteger();
        List<Member> members = join(3, encodings);
        rooms.say(members.get(0).connection(), "big", "hello").join();
        for (Member m : members) {
            assertThat(m.received()).containsExactly("hello");
            assertThat(m.threads()).containsKey(Thread.currentThread().getName());
        }
        assertThat(encodings.get()).isEqualTo(1);
    }
}
