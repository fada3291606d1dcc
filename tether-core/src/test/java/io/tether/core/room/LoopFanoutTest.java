package io.tether.core.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.limits.Refusals;
import io.tether.core.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fan-out to members bound to event loops: one task per loop per message, whatever the number
 * of members there, per-member order across loops with concurrent publishers, no message after
 * a leave, a failing member not stopping the others. The "loops" are single-threaded executors
 * (what an event loop is to the core).
 */
class LoopFanoutTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final List<Loop> loops = List.of(new Loop("loop-a"), new Loop("loop-b"), new Loop("loop-c"));
    private final RoomService rooms = new RoomService(new MemoryRoomBroker(), workers, new Refusals());

    @AfterEach
    void stop() {
        workers.shutdownNow();
        loops.forEach(l -> l.executor.shutdownNow());
    }

    /** A single-threaded executor counting the tasks it was given. */
    private static final class Loop implements java.util.concurrent.Executor {
        final String name;
        final ExecutorService executor;
        final AtomicInteger tasks = new AtomicInteger();

        Loop(String name) {
            this.name = name;
            this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            executor.execute(task);
        }

        /** Runs {@code task} on the loop and waits for it (everything posted before has run). */
        void await(Runnable task) throws Exception {
            executor.submit(task).get(30, TimeUnit.SECONDS);
        }
    }

    /** A member's sink: bound to a loop (or none), records what it got and on which thread. */
    private static final class Member implements RoomSink {
        final Loop loop;
        final List<String> received = new CopyOnWriteArrayList<>();
        final Map<String, Boolean> threads = new ConcurrentHashMap<>();
        final AtomicInteger offLoop = new AtomicInteger();
        volatile boolean failing;
        Session session;

        Member(Loop loop) {
            this.loop = loop;
        }

        @Override
        public void deliver(RoomDelivery delivery) {
            if (loop != null) {
                offLoop.incrementAndGet();
            }
            take(delivery);
        }

        @Override
        public java.util.concurrent.Executor loop() {
            return loop;
        }

        @Override
        public void deliverOnLoop(RoomDelivery delivery) {
            take(delivery);
        }

        private void take(RoomDelivery delivery) {
            threads.put(Thread.currentThread().getName(), true);
            if (failing) {
                throw new IllegalStateException("channel closed");
            }
            received.add(delivery.message().message());
        }
    }

    private List<Member> join(String room, int onLoops, int direct) {
        rooms.create(room);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < onLoops + direct; i++) {
            Member m = new Member(i < onLoops ? loops.get(i % loops.size()) : null);
            m.session = Session.openShared("test", "127.0.0.1", i, m);
            rooms.join(m.session, room).join();
            members.add(m);
        }
        return members;
    }

    private int tasks() {
        return loops.stream().mapToInt(l -> l.tasks.get()).sum();
    }

    @Test
    void aLargeRoomOnLoopsCostsOneTaskPerLoopPerMessageAndIsWrittenOnTheLoops() {
        List<Member> members = join("big", 600, 0);
        String sender = Thread.currentThread().getName();
        for (int i = 0; i < 20; i++) {
            rooms.say(members.get(0).session, "big", "m" + i).join();
        }
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.received.size() >= 20));
        for (Member m : members) {
            assertThat(m.received).containsExactlyElementsOf(expected(20));
            assertThat(m.threads).containsOnlyKeys(m.loop.name);
            assertThat(m.offLoop).hasValue(0);
        }
        assertThat(members.get(0).threads).doesNotContainKey(sender);
        assertThat(tasks()).as("one task per loop per message, not per member").isEqualTo(20 * loops.size());
    }

    @Test
    void aSmallRoomOnLoopsIsPostedFromTheSendersThreadNeverRunInline() throws Exception {
        List<Member> members = join("small", 3, 2);
        String sender = Thread.currentThread().getName();
        rooms.say(members.get(0).session, "small", "hello").join();
        // members without a loop got it inline, on the sender's thread; the loops' members in their task
        assertThat(members.get(3).received).containsExactly("hello");
        assertThat(members.get(3).threads).containsOnlyKeys(sender);
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.received.size() == 1));
        for (Member m : members.subList(0, 3)) {
            assertThat(m.threads).containsOnlyKeys(m.loop.name);
        }
        assertThat(tasks()).isEqualTo(3);
    }

    @Test
    void aRoomWithManyMembersWithoutALoopIsServedByTheWorkersAndTheLoopsStillGetOneTaskEach() {
        List<Member> members = join("mixed", 30, 200);
        String sender = Thread.currentThread().getName();
        for (int i = 0; i < 10; i++) {
            rooms.say(members.get(0).session, "mixed", "m" + i).join();
        }
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.received.size() >= 10));
        for (Member m : members) {
            assertThat(m.received).containsExactlyElementsOf(expected(10));
            assertThat(m.threads).doesNotContainKey(sender);
        }
        assertThat(tasks()).isEqualTo(10 * loops.size());
    }

    @Test
    void everyMemberSeesTheSameOrderAcrossLoopsWithConcurrentPublishers() throws Exception {
        List<Member> members = join("busy", 90, 10);
        int publishers = 4;
        int each = 150;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            Session from = members.get(p * 7).session;
            int id = p;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    rooms.say(from, "busy", "p" + id + "-" + i).join();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(WAIT.toMillis());
        }
        int total = publishers * each;
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> m.received.size() >= total));
        List<String> order = members.get(0).received;
        for (Member m : members) {
            assertThat(m.received).as("the room's one order, for every member").containsExactlyElementsOf(order);
        }
        for (int p = 0; p < publishers; p++) { // and each publisher's messages in its order
            String prefix = "p" + p + "-";
            List<String> mine = order.stream().filter(s -> s.startsWith(prefix)).toList();
            assertThat(mine).hasSize(each);
            for (int i = 0; i < each; i++) {
                assertThat(mine.get(i)).isEqualTo(prefix + i);
            }
        }
    }

    @Test
    void aMemberThatLeftOnItsLoopReceivesNothingAfterwardsWhileTheOthersDo() throws Exception {
        List<Member> members = join("leaving", 60, 0);
        Member leaver = members.get(4);
        Member sender = members.get(0);
        AtomicInteger said = new AtomicInteger();
        java.util.concurrent.CountDownLatch left = new java.util.concurrent.CountDownLatch(1);
        Thread talker = Thread.ofPlatform().start(() -> {
            int after = 0;
            for (int i = 0; after < 100; i++) { // until 100 messages after the leave, at most 300 before
                if (i == 300) {
                    try {
                        left.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                rooms.say(sender.session, "leaving", "m" + i).join();
                said.incrementAndGet();
                if (left.getCount() == 0) {
                    after++;
                }
            }
        });
        await().atMost(WAIT).until(() -> leaver.received.size() >= 20);
        int[] atLeave = new int[1];
        // the leave starts on the member's loop, as an adapter's does with a non-blocking broker,
        // and completes there too (after the deliveries already posted to that loop)
        java.util.concurrent.CompletableFuture<Void> leaving = new java.util.concurrent.CompletableFuture<>();
        leaver.loop.await(() -> rooms.leave(leaver.session, "leaving").whenComplete((ok, e) -> {
            atLeave[0] = leaver.received.size();
            leaving.complete(null);
        }));
        leaving.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        left.countDown();
        talker.join(WAIT.toMillis());
        int total = said.get();
        await().atMost(WAIT).until(() -> members.stream().filter(m -> m != leaver)
                .allMatch(m -> m.received.size() >= total));
        for (Loop l : loops) {
            l.await(() -> { }); // every task posted so far has run
        }
        assertThat(leaver.received).as("nothing after the leave completed").hasSize(atLeave[0]);
        assertThat(atLeave[0]).isLessThanOrEqualTo(total - 100);
        assertThat(leaver.received).containsExactlyElementsOf(expected(atLeave[0]));
        for (Member m : members) {
            if (m != leaver) {
                assertThat(m.received).containsExactlyElementsOf(expected(total));
            }
        }
    }

    /**
     * Say, leave, join and say again issued in one task on the member's loop (a client's
     * pipelined lines): the leave completes after the member got its own say, which the
     * loop had not delivered yet when the leave started; the second join keeps the member.
     */
    @Test
    void aLeaveOnTheLoopCompletesAfterTheMessagesPostedBeforeIt() throws Exception {
        List<Member> members = join("order", 2, 1);
        Member m = members.get(0);
        List<String> atLeave = new CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> last = new java.util.concurrent.CompletableFuture<>();
        m.loop.await(() -> {
            rooms.say(m.session, "order", "before");
            rooms.leave(m.session, "order").whenComplete((ok, e) -> atLeave.addAll(m.received));
            rooms.join(m.session, "order");
            rooms.say(m.session, "order", "after").whenComplete((ok, e) -> last.complete(null));
        });
        last.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(atLeave).containsExactly("before");
        for (Member each : members) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(each.received).containsExactly("before", "after"));
        }
    }

    @Test
    void aFailingMemberOnALoopDoesNotStopTheOthersThere() {
        List<Member> members = join("broken", 30, 0);
        members.get(3).failing = true; // loop-a, like members 0, 6, 9, …
        members.get(4).failing = true; // loop-b
        for (int i = 0; i < 10; i++) {
            rooms.say(members.get(0).session, "broken", "m" + i).join();
        }
        await().atMost(WAIT).until(() -> members.stream().filter(m -> !m.failing)
                .allMatch(m -> m.received.size() >= 10));
        for (Member m : members) {
            assertThat(m.received).containsExactlyElementsOf(m.failing ? List.of() : expected(10));
        }
    }

    @Test
    void aSessionWithoutASinkLoopKeepsTheDirectPath() {
        rooms.create("plain");
        List<String> got = new CopyOnWriteArrayList<>();
        Session s = Session.open("test", "127.0.0.1", 1, m -> got.add(m.message()));
        assertThat(s.roomLoop()).isNull();
        rooms.join(s, "plain").join();
        rooms.say(s, "plain", "hi").join();
        assertThat(got).containsExactly("hi");
        assertThat(tasks()).isZero();
    }

    private static List<String> expected(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("m" + i);
        }
        return out;
    }
}
