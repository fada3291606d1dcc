package io.tether.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.ErrorCode;
import io.tether.api.RoomMessage;
import io.tether.api.TetherException;
import io.tether.core.limits.Refusals;
import io.tether.core.session.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
