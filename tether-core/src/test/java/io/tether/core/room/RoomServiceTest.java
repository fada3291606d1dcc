package io.tether.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.RoomPolicy;
import io.tether.api.SessionHandle;
import io.tether.api.TetherException;
import io.tether.core.limits.RateLimits;
import io.tether.core.limits.Refusals;
import io.tether.core.limits.RequestLimiter;
import io.tether.core.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomServiceTest {
    private final RoomService rooms = new RoomService(new MemoryRoomBroker());
    private final List<RoomMessage> aGot = new CopyOnWriteArrayList<>();
    private final List<RoomMessage> bGot = new CopyOnWriteArrayList<>();
    private final Session a = Session.open("socket", "127.0.0.1", 1, aGot::add);
    private final Session b = Session.open("jstp", "127.0.0.1", 2, bGot::add);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void joinViewSayLeave() {
        rooms.create("defaultRoom");
        rooms.join(a, "defaultRoom").join();
        rooms.join(b, "defaultRoom").join();
        assertThat(rooms.view(a, "defaultRoom").join().members().keySet()).containsExactly(a.id(), b.id());
        rooms.say(a, "defaultRoom", " two  spaces ").join();
        assertThat(aGot).singleElement().satisfies(m -> {
            assertThat(m.message()).isEqualTo(" two  spaces ");
            assertThat(m.from()).isEqualTo(a.id());
        });
        assertThat(bGot).hasSize(1);
        rooms.leave(b, "defaultRoom").join();
        rooms.say(a, "defaultRoom", "again").join();
        assertThat(bGot).hasSize(1);
        assertThat(aGot).hasSize(2);
        assertThat(b.rooms()).isEmpty();
    }

    @Test
    void errorTextsAreTheActionHeroOnesAndCompleteTheFuture() {
        rooms.create("r");
        assertThat(failure(rooms.join(a, "nope"))).hasMessage("room does not exist");
        assertThat(failure(rooms.join(a, null))).hasMessage("room does not exist");
        rooms.join(a, "r").join();
        assertThat(failure(rooms.join(a, "r"))).hasMessage("connection already in this room (r)");
        assertThat(failure(rooms.leave(b, "r"))).hasMessage("connection not in this room (r)")
                .extracting(TetherException::code).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(failure(rooms.view(b, null))).hasMessage("connection not in this room (undefined)");
        assertThat(failure(rooms.leave(b, null))).hasMessage("connection not in this room (undefined)");
        assertThat(failure(rooms.say(a, "r", ""))).hasMessage("both room and message are required");
        assertThat(failure(rooms.say(b, "r", "hi"))).hasMessage("connection not in this room (r)");
    }

    @Test
    void leaveAllAndServerBroadcast() {
        rooms.create("x");
        rooms.create("y");
        rooms.join(a, "x").join();
        rooms.join(a, "y").join();
        assertThat(a.rooms()).containsExactly("x", "y");
        rooms.broadcast("x", "server says");
        assertThat(aGot).singleElement().extracting(RoomMessage::from).isEqualTo(RoomMessage.SERVER);
        rooms.leaveAll(a).join();
        assertThat(a.rooms()).isEmpty();
        assertThat(rooms.view("x").members()).isEmpty();
    }

    @Test
    void aNonBlockingBrokerIsCalledOnTheCallersThreadAndAnswersAtOnce() {
        Recording broker = new Recording(new MemoryRoomBroker(), true);
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        CompletableFuture<Long> joined = service.join(a, "r");
        assertThat(joined).isDone();
        assertThat(service.say(a, "r", "hi")).isDone();
        assertThat(broker.threads).containsOnly(Thread.currentThread());
    }

    @Test
    void aBrokerThatMayBlockIsCalledOnTheWorkersOnly() {
        Recording broker = new Recording(new MemoryRoomBroker(), false);
        RoomService service = new RoomService(broker, workers, new Refusals());
        broker.createRoom("r");
        broker.threads.clear();
        service.join(a, "r").join();
        service.say(a, "r", "hi").join();
        service.view(a, "r").join();
        service.leaveAll(a).join();
        assertThat(broker.threads).isNotEmpty().allSatisfy(t -> assertThat(t.isVirtual()).isTrue())
                .doesNotContain(Thread.currentThread());
        assertThat(aGot).extracting(RoomMessage::message).containsExactly("hi");
    }

    @Test
    void saysThroughAnAsyncBrokerRunOnTheCallersThreadSeveralInFlightInOrder() {
        AsyncPublishing broker = new AsyncPublishing();
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        service.join(a, "r").join();
        List<CompletableFuture<Void>> says = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            says.add(service.say(a, "r", "m" + i));
        }
        assertThat(broker.publishedOn).containsOnly(Thread.currentThread());
        assertThat(broker.published).extracting(RoomMessage::message).containsExactly("m0", "m1", "m2", "m3", "m4");
        assertThat(says).noneMatch(CompletableFuture::isDone);
        // the queue was released when each publish was issued: a view runs before any answer
        assertThat(service.view(a, "r").join().members()).containsOnlyKeys(a.id());

        broker.answers.get(1).complete(null);
        assertThat(says.get(1)).isCompleted();
        assertThat(says.get(0)).isNotDone();
        TetherException down = new TetherException(ErrorCode.CLUSTER_UNAVAILABLE, "cluster unavailable: x");
        broker.answers.get(0).completeExceptionally(down);
        assertThat(failure(says.get(0))).isSameAs(down);
        broker.answers.forEach(f -> f.complete(null));
        CompletableFuture.allOf(says.subList(2, 5).toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void refusedSaysThroughAnAsyncBrokerAreNotPublishedAndKeepTheirTexts() {
        AsyncPublishing broker = new AsyncPublishing();
        RoomPolicy quiet = new RoomPolicy() {
            @Override
            public boolean maySay(SessionHandle session, String room, String message) {
                return !message.contains("shout");
            }
        };
        RoomService service = new RoomService(broker, workers, new Refusals(), quiet,
                new RequestLimiter(RateLimits.defaults(), new Refusals()));
        service.create("r");
        service.join(a, "r").join();
        assertThat(failure(service.say(a, "r", ""))).hasMessage("both room and message are required");
        assertThat(failure(service.say(b, "r", "hi"))).hasMessage("connection not in this room (r)")
                .extracting(TetherException::code).isEqualTo(ErrorCode.NOT_IN_ROOM);
        assertThat(failure(service.say(a, null, "hi"))).hasMessage("both room and message are required");
        assertThat(failure(service.say(a, "r", "shout"))).hasMessage("not allowed to say in this room (r)")
                .extracting(TetherException::code).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(broker.published).isEmpty();
        CompletableFuture<Void> ok = service.say(a, "r", "fine");
        broker.answers.getFirst().complete(null);
        ok.join();
    }

    /** Says queued behind a pending join run after it (on the workers), in call order. */
    @Test
    void saysQueuedBehindAPendingJoinRunAfterItInOrder() throws Exception {
        AsyncPublishing broker = new AsyncPublishing();
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        broker.joinGate = new CountDownLatch(1);
        CompletableFuture<Long> join = service.join(a, "r");
        List<CompletableFuture<Void>> says = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            says.add(service.say(a, "r", "m" + i));
        }
        assertThat(broker.published).isEmpty();
        broker.joinGate.countDown();
        join.join();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> broker.published.size() >= 2000);
        assertThat(broker.published).extracting(RoomMessage::message)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "m" + i).toList());
        assertThat(broker.publishedOn).allSatisfy(t -> assertThat(t.isVirtual()).isTrue());
        broker.answers.forEach(f -> f.complete(null));
        CompletableFuture.allOf(says.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    /** Workers gone (shutdown) while says wait behind a join: they complete with SHUTTING_DOWN, none hangs. */
    @Test
    void saysQueuedWhenTheWorkersStopAnswerShuttingDown() throws Exception {
        AsyncPublishing broker = new AsyncPublishing();
        ExecutorService own = Executors.newVirtualThreadPerTaskExecutor();
        RoomService service = new RoomService(broker, own, new Refusals());
        service.create("r");
        broker.joinGate = new CountDownLatch(1);
        CompletableFuture<Long> join = service.join(a, "r");
        CompletableFuture<Void> say = service.say(a, "r", "late");
        own.shutdown(); // the running join finishes; nothing new is accepted
        broker.joinGate.countDown();
        join.get(30, TimeUnit.SECONDS);
        say.handle((ok, e) -> null).get(30, TimeUnit.SECONDS);
        assertThat(failure(say).code()).isEqualTo(ErrorCode.SHUTTING_DOWN);
        assertThat(broker.published).isEmpty();
    }

    /** A close (leaveAll) that comes while a join is still in the broker always ends in no room. */
    @Test
    void leaveAllAfterAPendingJoinAlwaysEndsInNoRoom() {
        Recording broker = new Recording(new MemoryRoomBroker(), false);
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        for (int i = 0; i < 500; i++) {
            Session s = Session.open("socket", "127.0.0.1", i, m -> { });
            CompletableFuture<Long> join = service.join(s, "r");
            CompletableFuture<Void> close = CompletableFuture.runAsync(() -> { }, workers)
                    .thenCompose(x -> service.leaveAll(s));
            close.join();
            assertThat(join.join()).isPositive();
            assertThat(s.rooms()).isEmpty();
            assertThat(broker.members("r")).doesNotContainKey(s.id());
        }
        assertThat(broker.listening).doesNotContain("r");
    }

    /** join and leaveAll of one session raced from two threads: membership, index and broker always agree. */
    @Test
    void joinRacingLeaveAllNeverLeavesAStaleMembership() throws Exception {
        Recording broker = new Recording(new MemoryRoomBroker(), false);
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        CyclicBarrier go = new CyclicBarrier(2);
        for (int i = 0; i < 1_000; i++) {
            List<RoomMessage> got = new CopyOnWriteArrayList<>();
            Session s = Session.open("socket", "127.0.0.1", i, got::add);
            CompletableFuture<CompletableFuture<?>> join = CompletableFuture.supplyAsync(() -> {
                await(go);
                return service.join(s, "r");
            }, workers);
            CompletableFuture<CompletableFuture<?>> leave = CompletableFuture.supplyAsync(() -> {
                await(go);
                return service.leaveAll(s);
            }, workers);
            join.get(10, TimeUnit.SECONDS).handle((r, e) -> null).get(10, TimeUnit.SECONDS);
            leave.get(10, TimeUnit.SECONDS).handle((r, e) -> null).get(10, TimeUnit.SECONDS);
            boolean member = s.rooms().contains("r");
            assertThat(broker.members("r").containsKey(s.id())).isEqualTo(member);
            service.broadcast("r", "probe " + i);
            assertThat(got).hasSize(member ? 1 : 0);
            service.leaveAll(s).join();
            assertThat(broker.members("r")).isEmpty();
        }
        assertThat(broker.listening).doesNotContain("r");
    }

    /** Many sessions joining and leaving one room from many threads: the last listen/unlisten matches. */
    @Test
    void listenAndUnlistenEndInTheRoomsState() throws Exception {
        Recording broker = new Recording(new MemoryRoomBroker(), false);
        RoomService service = new RoomService(broker, workers, new Refusals());
        service.create("r");
        for (int round = 0; round < 200; round++) {
            List<CompletableFuture<?>> ops = new CopyOnWriteArrayList<>();
            List<Session> sessions = List.of(session(), session(), session(), session());
            CompletableFuture.allOf(sessions.stream().map(s -> CompletableFuture.runAsync(() -> {
                ops.add(service.join(s, "r"));
                if (ThreadLocalRandom.current().nextBoolean()) {
                    ops.add(service.leave(s, "r"));
                }
            }, workers)).toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(ops.toArray(CompletableFuture[]::new)).handle((r, e) -> null).get(10, TimeUnit.SECONDS);
            boolean anyMember = sessions.stream().anyMatch(s -> s.rooms().contains("r"));
            assertThat(broker.listening.contains("r")).isEqualTo(anyMember);
            sessions.forEach(s -> service.leaveAll(s).join());
            assertThat(broker.listening).doesNotContain("r");
        }
    }

    private Session session() {
        return Session.open("socket", "127.0.0.1", 3, m -> { });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TetherException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            return (TetherException) e.getCause();
        }
        throw new AssertionError("not failed");
    }

    /**
     * A broker that publishes asynchronously: records each publish and the thread it was issued
     * on, and answers when the test completes its future; joins may be held at a latch.
     */
    private static final class AsyncPublishing implements RoomBroker {
        final MemoryRoomBroker delegate = new MemoryRoomBroker();
        final List<RoomMessage> published = new CopyOnWriteArrayList<>();
        final List<Thread> publishedOn = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> answers = new CopyOnWriteArrayList<>();
        volatile CountDownLatch joinGate;

        @Override
        public boolean asyncPublish() {
            return true;
        }

        @Override
        public CompletionStage<Void> publishAsync(RoomMessage message) {
            published.add(message);
            publishedOn.add(Thread.currentThread());
            CompletableFuture<Void> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer.thenRun(() -> delegate.publish(message));
        }

        @Override
        public void publish(RoomMessage message) {
            throw new AssertionError("a say must use publishAsync");
        }

        @Override
        public void start(Consumer<RoomMessage> sink) {
            delegate.start(sink);
        }

        @Override
        public boolean createRoom(String room) {
            return delegate.createRoom(room);
        }

        @Override
        public boolean destroyRoom(String room) {
            return delegate.destroyRoom(room);
        }

        @Override
        public boolean roomExists(String room) {
            return delegate.roomExists(room);
        }

        @Override
        public Set<String> rooms() {
            return delegate.rooms();
        }

        @Override
        public boolean addMember(String room, String memberId, long joinedAt) {
            CountDownLatch gate = joinGate;
            if (gate != null) {
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.addMember(room, memberId, joinedAt);
        }

        @Override
        public boolean removeMember(String room, String memberId) {
            return delegate.removeMember(room, memberId);
        }

        @Override
        public Map<String, Long> members(String room) {
            return delegate.members(room);
        }
    }

    /** A delegating broker that records the threads it is called on and what it listens to; may yield. */
    private static final class Recording implements RoomBroker {
        final RoomBroker delegate;
        final boolean nonBlocking;
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final Set<String> listening = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> listenDepth = new ConcurrentHashMap<>();

        Recording(RoomBroker delegate, boolean nonBlocking) {
            this.delegate = delegate;
            this.nonBlocking = nonBlocking;
        }

        private void call() {
            threads.add(Thread.currentThread());
            if (!nonBlocking && ThreadLocalRandom.current().nextInt(4) == 0) {
                Thread.yield(); // a remote broker takes its time
            }
        }

        @Override
        public boolean nonBlocking() {
            return nonBlocking;
        }

        @Override
        public void start(Consumer<RoomMessage> sink) {
            delegate.start(sink);
        }

        @Override
        public boolean createRoom(String room) {
            call();
            return delegate.createRoom(room);
        }

        @Override
        public boolean destroyRoom(String room) {
            call();
            return delegate.destroyRoom(room);
        }

        @Override
        public boolean roomExists(String room) {
            call();
            return delegate.roomExists(room);
        }

        @Override
        public Set<String> rooms() {
            call();
            return delegate.rooms();
        }

        @Override
        public boolean addMember(String room, String memberId, long joinedAt) {
            call();
            return delegate.addMember(room, memberId, joinedAt);
        }

        @Override
        public boolean removeMember(String room, String memberId) {
            call();
            return delegate.removeMember(room, memberId);
        }

        @Override
        public Map<String, Long> members(String room) {
            return delegate.members(room);
        }

        @Override
        public void publish(RoomMessage message) {
            call();
            delegate.publish(message);
        }

        @Override
        public void listen(String room) {
            enter(room);
            listening.add(room);
            listenDepth.merge(room, -1, Integer::sum);
        }

        @Override
        public void unlisten(String room) {
            enter(room);
            listening.remove(room);
            listenDepth.merge(room, -1, Integer::sum);
        }

        /** listen/unlisten of one room must never overlap. */
        private void enter(String room) {
            threads.add(Thread.currentThread());
            int depth = listenDepth.merge(room, 1, Integer::sum);
            assertThat(depth).as("concurrent listen/unlisten of " + room).isEqualTo(1);
            if (!nonBlocking) {
                Thread.yield();
            }
        }
    }
}
