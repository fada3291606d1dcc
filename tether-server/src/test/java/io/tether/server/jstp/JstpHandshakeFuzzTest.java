package io.tether.server.jstp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.codec.jstp.JstpMessage;
import io.tether.codec.jstp.JstpMessages;
import io.tether.codec.mdsf.MdsfLimits;
import io.tether.codec.mdsf.MdsfReader;
import io.tether.codec.mdsf.MdsfWriter;
import io.tether.codec.testing.TrackingAllocator;
import io.tether.core.TetherCore;
import io.tether.core.action.ErrorPolicy;
import io.tether.core.session.resume.MemorySessionStore;
import io.tether.core.session.resume.ResumableSession;
import io.tether.core.session.resume.SessionQuota;
import io.tether.core.session.resume.SessionStore;
import io.tether.server.jstp.auth.LoginGate;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.server.limits.ConnectionLimits;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes the JSTP handshake state machine and what follows it: each input is a script of
 * operations on up to three client connections to one fresh {@link JstpProtocolServer}, each
 * connection an {@link EmbeddedChannel} through the listener's own pipeline
 * ({@link JstpProtocolServer#initializer()}: framing with the pre-handshake cap, mdsf decoder,
 * coalescing encoder, {@link JstpServerHandler}). Operations: open a connection, switch to
 * another, send one of the templates below (whole or split in two reads), send raw bytes, let the
 * client drop its transport, advance the connection's clock (the handshake timeout). The
 * templates cover every handshake strategy (anonymous, login right and wrong, a restore of the
 * session an earlier connection of the same input got, of a session that never existed, malformed
 * credentials), unknown applications and versions, calls of the application, of {@code chat}
 * and of {@code api}, inspect, ping, pong, callback, event, heartbeat, a handshake reply from the
 * client, unknown kinds; raw bytes and splits give the fuzzer garbage, partial and pipelined frames.
 *
 * <p>The application ({@code fuzzApp} 1.0.0, interface {@code box}) has only non-blocking
 * methods, the core no actions and an in-memory room broker, so everything but the login and
 * restore decisions runs on the test thread; those two complete on other threads and hop back to
 * the channel's loop: the harness waits (bounded) until no connection is handshaking, parked
 * until another thread queues a task on a loop. The embedded loop's task queue is replaced by a
 * concurrent one for that (Netty's is an {@code ArrayDeque} meant for one thread) that also wakes
 * the harness.
 *
 * <p>The core (room {@code room1}, timer, workers), the four option sets and the login gate are
 * built once per JVM ({@link Fixture}); the listener and its session store are new per input. An
 * input can leave state in the core only as room memberships of its sessions: at its end it drops
 * every session its store saved and waits until {@code room1} is empty (a dropped session that
 * stays a member is a finding), and each input starts by checking that {@code room1} is empty, so
 * an input's outcome does not depend on the inputs before it and a finding reproduces alone.
 *
 * <p>Invariants per input:
 * <ol>
 *   <li>no exception escapes the pipeline ({@link EmbeddedChannel#checkException()}) or the
 *       server's code the harness calls;</li>
 *   <li>every frame the server writes is a JSTP message; until a connection's handshake was
 *       accepted the server writes it nothing but a handshake reply; a handshake error reply is
 *       the connection's last frame;</li>
 *   <li>each connection ends in a defined state: open and not handshaking (awaiting its
 *       handshake, or established after an accepted one), or closed by the client, or closed by
 *       the server with the protocol's error (the listener saw the rejected handshake or the
 *       rejected message that closed it), or closed by the server because another connection
 *       restored its session, or (once its clock moved by the idle timeout, 60 s here) by the
 *       idle timeout;</li>
 *   <li>nothing is retained after close: every buffer the channels' allocator
 *       ({@link TrackingAllocator}) handed out (inputs, cumulations, replies) has {@code refCnt} 0
 *       once every channel is closed and its outbound messages read.</li>
 * </ol>
 * Input layout: a header byte (bit 0: at most 2 messages pipelined behind a handshake instead of the
 * default; bit 1: a pre-handshake cap of 256 bytes instead of the default), then operations of
 * one byte each followed by their arguments (see {@link #run}); past the end every byte reads 0.
 * Seeds: {@code src/test/resources/io/tether/server/jstp/JstpHandshakeFuzzTestInputs/sequences/}
 * ({@code seeds.py} there). Long and CI runs: docs/reliability.md.
 */
class JstpHandshakeFuzzTest {
    private static final String APP = "fuzzApp";
    private static final Logger ERROR_POLICY_LOG = (Logger) LoggerFactory.getLogger(ErrorPolicy.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MAX_CONNECTIONS = 3;
    /** The connections' idle timeout: a connection whose clock moved this far may have been closed by it. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final String UNKNOWN_SESSION = "00000000-0000-4000-8000-000000000000";
    private static final JstpMessages MESSAGES = JstpMessages.of(MdsfReader.of(MdsfLimits.builder().maxDepth(4096)
            .maxElements(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build()), MdsfWriter.defaults());
    private static final String[] TEMPLATES = {
        "{handshake:[0,'fuzzApp']}",
        "{handshake:[0,'fuzzApp','1.0.0'],login:['user','secret']}",
        "{handshake:[0,'fuzzApp'],login:['user','wrong']}",
        "{handshake:[0,'fuzzApp'],session:['$S',$N]}",
        "{handshake:[0,'nope']}",
        "{handshake:[0,'fuzzApp','^2.0.0']}",
        "{handshake:[0,'fuzzApp'],session:['" + UNKNOWN_SESSION + "',0]}",
        "{handshake:[0,'fuzzApp'],session:['not-a-session',0]}",
        "{handshake:[0,'fuzzApp'],login:['user']}",
        "{handshake:[0,'']}",
        "{handshake:[0,'fuzzApp'],anonymous:[]}",
        "{handshake:[0],ok:'$S'}",
        "{call:[$N,'box'],echo:['x']}",
        "{call:[$N,'box'],echo:[]}",
        "{call:[$N,'box'],fail:[]}",
        "{call:[$N,'box'],boom:[]}",
        "{call:[$N,'box'],nope:[]}",
        "{call:[$N,'chat'],join:['room1']}",
        "{call:[$N,'chat'],say:['room1','hi']}",
        "{call:[$N,'chat'],leave:['room1']}",
        "{call:[$N,'api'],nope:[]}",
        "{call:[$N,'nope'],x:[]}",
        "{inspect:[$N,'box']}",
        "{inspect:[$N,'chat']}",
        "{ping:[$N]}",
        "{pong:[$N]}",
        "{callback:[$N],ok:[]}",
        "{event:[$N,'box'],news:['x']}",
        "{event:[$N,'box'],news:'x'}",
        "{}",
        "{unknownKind:[$N]}",
        "{call:[$N,'box'],echo:['$S']}",
    };

    private static JstpApplication application() {
        return JstpApplication.builder(APP, "1.0.0")
                .iface(JstpInterface.builder("box")
                        .nonBlocking("echo", 1, ctx -> List.of(String.valueOf(ctx.arg(0))))
                        .nonBlocking("fail", 0, ctx -> {
                            throw new TetherException(ErrorCode.APPLICATION_ERROR, "fails on purpose");
                        })
                        .nonBlocking("boom", 0, ctx -> {
                            throw new IllegalStateException("boom on purpose");
                        })
                        .build())
                .build();
    }

    private Fixture fixture;

    @BeforeEach
    void start() {
        fixture = new Fixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @FuzzTest
    void sequences(byte[] data) {
        new Run(fixture, data).run();
    }

    /**
     * What every input of one JVM shares (Jazzer's default lifecycle runs {@code @BeforeEach} once
     * per fuzzing run): the core with its room, timer and worker threads, the listener options
     * (the login's password hashed once) and the login gate. An input can change only the core's
     * room memberships, which {@link Run} checks are empty when it starts and empties again (by
     * dropping every session it made) when it ends; the listener and its session store are new
     * per input.
     */
    private static final class Fixture implements AutoCloseable {
        final TetherCore core = TetherCore.builder().room("room1").build();
        /** Indexed by the header's two flag bits. */
        final JstpOptions[] options = new JstpOptions[4];
        /**
         * The listeners' login gate, shared by every input: a gate per listener started a hashing
         * thread per input (the largest cost of the target after the script itself). Nothing
         * in it can make an input's outcome depend on an earlier one: failures never lock
         * ({@code maxFailures} is {@link Integer#MAX_VALUE}), and a login an input left running
         * (its connection closed first) completes towards a loop nobody runs any more.
         */
        final LoginGate login;
        /** {@link ErrorPolicy}'s level before: restored by {@link #close}. */
        private final Level errorPolicyLevel = ERROR_POLICY_LOG.getLevel();

        Fixture() {
            // box.boom fails on purpose in one input in six or so: ErrorPolicy's WARN line with a
            // 150-line stack trace (JUnit's and Jazzer's frames) went through Surefire's pipe, about
            // 100 MB a minute, costing CPU here and in Maven; ErrorPolicy still runs, only the line is
            // filtered (its ERROR lines, for VirtualMachineErrors, still print)
            ERROR_POLICY_LOG.setLevel(Level.ERROR);
            JstpOptions base = TestApps.configure(JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                    .application(application()).builtinApplication("")
                    .connectionLimits(ConnectionLimits.defaults().toBuilder().idleTimeout(IDLE_TIMEOUT).build())
                    .login(LoginLimits.defaults().toBuilder().maxFailures(Integer.MAX_VALUE).build()).build(), 1);
            login = new LoginGate(base.authenticator(), base.login(), core.refusals());
            for (int flags = 0; flags < options.length; flags++) {
                JstpOptions.Builder b = base.toBuilder();
                if ((flags & 1) != 0) {
                    b.maxPipelined(2);
                }
                if ((flags & 2) != 0) {
                    b.maxHandshakeBytes(256);
                }
                options[flags] = b.build();
            }
        }

        /** Room {@code room1}'s members now. */
        int roomMembers() {
            return core.rooms().view("room1").membersCount();
        }

        @Override
        public void close() {
            ERROR_POLICY_LOG.setLevel(errorPolicyLevel);
            login.close();
            core.close();
        }
    }

    /** One input: a fresh server, its connections and what the listener saw. */
    private static final class Run implements JstpListener {
        private final byte[] data;
        private int at;
        private final TrackingAllocator alloc = new TrackingAllocator();
        private final List<Conn> conns = new ArrayList<>();
        private final Set<SocketAddress> rejected = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Set<SocketAddress> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private String lastSession = UNKNOWN_SESSION;
        private int current = -1;
        private final Fixture fixture;
        private final Signal signal = new Signal(Thread.currentThread());
        private JstpProtocolServer server;

        Run(Fixture fixture, byte[] data) {
            this.fixture = fixture;
            this.data = data;
        }

        private int u8() {
            return at < data.length ? data[at++] & 0xff : 0;
        }

        void run() {
            int flags = u8();
            // what an earlier input of this JVM could have left in the shared core (it drops its sessions)
            if (fixture.roomMembers() != 0) {
                throw new AssertionError("room1 has members left by an earlier input: "
                        + fixture.core.rooms().view("room1").members().keySet());
            }
            JstpOptions options = fixture.options[flags & 3].toBuilder().listener(this).build();
            TrackedStore store = new TrackedStore(new MemorySessionStore(options.sessionExpiry(),
                    options.sessionQuota(fixture.core.refusals()), fixture.core.timer()));
            server = new JstpProtocolServer(fixture.core, options, store, fixture.login);
            try {
                while (at < data.length) {
                    step();
                    settle();
                }
                settle();
                for (Conn c : conns) {
                    c.checkState();
                }
                for (Conn c : conns) {
                    c.ch.close();
                }
                settle();
                for (Conn c : conns) {
                    c.ch.checkException();
                    c.drain();
                    c.ch.finishAndReleaseAll();
                }
                alloc.assertAllReleased("jstp handshake sequences");
            } finally {
                try {
                    server.shutdown().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the listener did not shut down within " + WAIT, e);
                } finally {
                    store.dropAll();
                }
            }
            // a dropped session leaves its rooms (queued behind its pending room operations)
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (fixture.roomMembers() != 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("room1 kept members after every session was dropped: "
                            + fixture.core.rooms().view("room1").members().keySet());
                }
                LockSupport.parkNanos(100_000);
            }
        }

        /** One operation (the op byte, then its arguments). */
        private void step() {
            int op = u8() % 8;
            Conn c = current >= 0 ? conns.get(current) : null;
            switch (op) {
                case 0 -> open();
                case 1, 2 -> {
                    String text = template(u8(), u8());
                    if (c != null && c.ch.isOpen()) {
                        c.sent(text);
                        byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_8);
                        if (op == 1) {
                            c.send(bytes);
                        } else {
                            int cut = u8() % (bytes.length + 1);
                            c.send(Arrays.copyOfRange(bytes, 0, cut));
                            settle();
                            c.send(Arrays.copyOfRange(bytes, cut, bytes.length));
                        }
                    }
                }
                case 3 -> {
                    int len = u8();
                    byte[] raw = new byte[len];
                    for (int i = 0; i < len; i++) {
                        raw[i] = (byte) u8();
                    }
                    if (c != null && c.ch.isOpen()) {
                        c.send(raw);
                    }
                }
                case 4 -> {
                    if (c != null && c.ch.isOpen()) {
                        c.clientClosed = true;
                        c.ch.close();
                    }
                }
                case 5 -> {
                    if (!conns.isEmpty()) {
                        current = (current + 1) % conns.size();
                    }
                }
                case 6 -> {
                    int tenths = u8();
                    if (c != null && c.ch.isOpen()) {
                        c.advancedMillis += tenths * 100L;
                        c.ch.advanceTimeBy(tenths * 100L, TimeUnit.MILLISECONDS);
                        c.ch.runScheduledPendingTasks();
                    }
                }
                default -> { // 7: a whole template on a new connection if none is open
                    if (c == null || !c.ch.isOpen()) {
                        open();
                    }
                    String text = template(u8(), u8());
                    Conn to = conns.get(current);
                    to.sent(text);
                    to.send((text + "\0").getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        private String template(int which, int n) {
            return TEMPLATES[which % TEMPLATES.length].replace("$S", lastSession).replace("$N", Integer.toString(n));
        }

        private void open() {
            if (conns.size() >= 16 || conns.stream().filter(x -> x.ch.isOpen()).count() >= MAX_CONNECTIONS) {
                return;
            }
            conns.add(new Conn(new InetSocketAddress("192.0.2." + (1 + conns.size()), 40_000 + conns.size())));
            current = conns.size() - 1;
        }

        /**
         * Runs the loops' tasks until no connection is handshaking (bounded), reading what they
         * wrote; while a decision is out on another thread it parks until that thread queues a
         * task on a loop (or 1 ms passed), instead of spinning on one of the machine's cores.
         */
        private void settle() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                long queued = signal.count();
                boolean busy = false;
                for (Conn c : conns) {
                    c.ch.runPendingTasks();
                    c.ch.checkException();
                    c.drain();
                    busy |= c.handshaking();
                }
                if (!busy) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("a handshake was not decided within " + WAIT);
                }
                signal.await(queued, 1_000_000);
            }
        }

        @Override
        public void handshake(JstpConnection connection, JstpMessage.HandshakeRequest request, boolean ok) {
            (ok ? accepted : rejected).add(connection.remoteAddress());
        }

        @Override
        public void messageRejected(JstpConnection connection, Object message, String reason) {
            rejected.add(connection.remoteAddress());
        }

        /** One client connection. */
        private final class Conn {
            final SocketAddress address;
            final EmbeddedChannel ch;
            final ByteArrayOutputStream pending = new ByteArrayOutputStream();
            final List<JstpMessage> received = new ArrayList<>();
            boolean clientClosed;
            long advancedMillis; // how far this connection's clock was moved
            String restoring; // the session id of the latest restore request sent
            String session; // the session of the accepted handshake
            boolean restored;
            boolean handshakeAccepted;
            boolean handshakeRefused;

            Conn(SocketAddress address) {
                this.address = address;
                this.ch = new EmbeddedChannel(false, true) {
                    @Override
                    protected SocketAddress remoteAddress0() {
                        return address;
                    }
                };
                ch.config().setAllocator(alloc);
                ch.pipeline().addLast(server.initializer());
                try {
                    ch.register();
                } catch (Exception e) {
                    throw new AssertionError("cannot register the embedded channel", e);
                }
                concurrentTaskQueue(ch.eventLoop(), signal);
                ch.freezeTime(); // the handshake timeout fires only when an operation advances the clock
                ch.checkException();
            }

            void send(byte[] bytes) {
                if (!ch.isOpen()) {
                    return; // e.g. the server closed it after the first part of a split message
                }
                ByteBuf buf = alloc.copyOf(bytes, 0, bytes.length);
                ch.writeInbound(buf);
                ch.checkException();
            }

            boolean handshaking() {
                JstpServerHandler h = ch.pipeline().get(JstpServerHandler.class);
                return h != null && ch.isOpen() && h.handshaking();
            }

            /** Reads the frames the server wrote, checking each. */
            void drain() {
                if (ch.outboundMessages().isEmpty()) {
                    return; // nothing new (a partial frame in pending waits for more)
                }
                Object out;
                while ((out = ch.readOutbound()) != null) {
                    if (!(out instanceof ByteBuf buf)) {
                        throw new AssertionError("the server wrote a " + out.getClass().getName() + ", not bytes");
                    }
                    byte[] b = new byte[buf.readableBytes()];
                    buf.readBytes(b);
                    buf.release();
                    pending.writeBytes(b);
                }
                byte[] all = pending.toByteArray();
                int start = 0;
                for (int i = 0; i < all.length; i++) {
                    if (all[i] == 0) {
                        frame(new String(all, start, i - start, StandardCharsets.UTF_8));
                        start = i + 1;
                    }
                }
                pending.reset();
                pending.write(all, start, all.length - start);
            }

            private void frame(String text) {
                JstpMessage m;
                try {
                    m = MESSAGES.parse(text);
                } catch (RuntimeException e) {
                    throw new AssertionError("the server wrote a frame that is not a JSTP message: " + text, e);
                }
                if (handshakeRefused) {
                    throw new AssertionError("the server wrote after refusing the handshake: " + text);
                }
                if (!handshakeAccepted) {
                    if (!(m instanceof JstpMessage.HandshakeReply reply)) {
                        throw new AssertionError("the server wrote before accepting a handshake: " + text);
                    }
                    if (reply.error() != null) {
                        handshakeRefused = true;
                    } else {
                        handshakeAccepted = true;
                        if (reply.ok() instanceof String sid) {
                            lastSession = sid;
                            session = sid;
                        } else {
                            session = restoring;
                            restored = true;
                        }
                    }
                }
                received.add(m);
            }

            void checkState() {
                if (!pendingEmpty()) {
                    throw new AssertionError("a partial frame was left to " + address);
                }
                if (ch.isOpen()) {
                    if (handshaking()) {
                        throw new AssertionError(address + " is still handshaking");
                    }
                    if (handshakeRefused) {
                        throw new AssertionError(address + " is open after its handshake was refused");
                    }
                    JstpServerHandler h = ch.pipeline().get(JstpServerHandler.class);
                    if (h == null) {
                        throw new AssertionError(address + " is open without its JSTP handler");
                    }
                    if (handshakeAccepted != h.connection().handshakeDone()) {
                        throw new AssertionError(address + ": handshake accepted on the wire " + handshakeAccepted
                                + ", by the connection " + h.connection().handshakeDone());
                    }
                } else if (!clientClosed && !rejected.contains(address) && !takenOver()
                        && advancedMillis < IDLE_TIMEOUT.toMillis()) {
                    throw new AssertionError(address + " was closed by the server without a rejection the listener saw"
                            + " (frames: " + received + ")");
                }
                if (handshakeAccepted && !accepted.contains(address)) {
                    throw new AssertionError(address + " got a handshake reply the listener did not see accepted");
                }
            }

            /** Records the session a restore request names (a template sent whole or split). */
            void sent(String text) {
                int at = text.indexOf("session:['");
                if (at >= 0) {
                    restoring = text.substring(at + 10, text.indexOf('\'', at + 10));
                }
            }

            /** Whether another connection restored this one's session later (the server then closes this one). */
            private boolean takenOver() {
                return session != null && conns.stream().anyMatch(d -> d != this && d.restored && session.equals(d.session));
            }

            private boolean pendingEmpty() {
                return pending.size() == 0;
            }
        }
    }

    /** The embedded loop's task queue field (Netty's is an ArrayDeque meant for one thread). */
    private static final Field TASKS;

    static {
        try {
            TASKS = Class.forName("io.netty.channel.embedded.EmbeddedEventLoop").getDeclaredField("tasks");
            TASKS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("EmbeddedEventLoop has no 'tasks' queue field any more: update the harness", e);
        }
    }

    /**
     * Replaces the embedded loop's task queue by a concurrent queue that tells {@code signal}
     * about every task queued from another thread (a login or restore decision coming back).
     */
    static void concurrentTaskQueue(EventLoop loop, Signal signal) {
        try {
            @SuppressWarnings("unchecked")
            Queue<Runnable> old = (Queue<Runnable>) TASKS.get(loop);
            Queue<Runnable> replacement = new SignallingQueue(signal);
            replacement.addAll(old);
            TASKS.set(loop, replacement);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot replace the embedded loop's task queue", e);
        }
    }

    /** Counts tasks queued by other threads and wakes the harness thread parked in {@link #await}. */
    static final class Signal {
        private final Thread waiter;
        private final AtomicLong count = new AtomicLong();

        Signal(Thread waiter) {
            this.waiter = waiter;
        }

        long count() {
            return count.get();
        }

        void queued() {
            if (Thread.currentThread() != waiter) {
                count.incrementAndGet();
                LockSupport.unpark(waiter);
            }
        }

        /** Parks until a task came from another thread since {@code seen} was read, or {@code nanos} passed. */
        void await(long seen, long nanos) {
            if (count.get() == seen) {
                LockSupport.parkNanos(this, nanos);
            }
        }
    }

    /** A concurrent task queue signalling each task another thread queues. */
    private static final class SignallingQueue extends ConcurrentLinkedQueue<Runnable> {
        private final transient Signal signal;

        SignallingQueue(Signal signal) {
            this.signal = signal;
        }

        @Override
        public boolean offer(Runnable task) {
            boolean added = super.offer(task);
            signal.queued();
            return added;
        }
    }

    /** The in-memory store, remembering every session saved so that the input can drop them all at its end. */
    private static final class TrackedStore implements SessionStore {
        private final MemorySessionStore store;
        private final Queue<ResumableSession> saved = new ConcurrentLinkedQueue<>();

        TrackedStore(MemorySessionStore store) {
            this.store = store;
        }

        @Override
        public CompletableFuture<Void> save(ResumableSession session) {
            saved.add(session);
            return store.save(session);
        }

        @Override
        public Optional<ResumableSession> find(String token, Continuation continuation) {
            return store.find(token, continuation);
        }

        @Override
        public SessionQuota quota() {
            return store.quota();
        }

        @Override
        public int size() {
            return store.size();
        }

        /**
         * Drops every session saved (each leaves its rooms) until the store is empty (bounded): a
         * login decided while the input ended may still save one (the listener is gone by then).
         */
        void dropAll() {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                ResumableSession s;
                while ((s = saved.poll()) != null) {
                    s.drop();
                }
                if (store.size() == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(store.size() + " sessions left in the store after dropping every one saved");
                }
                LockSupport.parkNanos(100_000);
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
