package io.tether.server.flow;

import static io.tether.server.flow.FlowTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.socket.StickyParamLimits;
import io.tether.testkit.LineClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound policy on the socket protocol, with one I/O thread so every connection shares
 * it: a client that does not read is cut off at the cap whatever the replies are, and the
 * others on the same loop keep being answered; room fan-out to many members; an Error on the
 * I/O thread does not take the loop down.
 */
class SocketOutboundIT {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PROMPT = Duration.ofSeconds(10); // served while the flood runs; generous for a loaded machine

    private TetherCore core;
    private TetherServer server;
    private final List<LineClient> clients = new ArrayList<>();

    private void start(UnaryOperator<SocketOptions.Builder> options) {
        core = TetherCore.builder()
                .action(FlowTestSupport.blob(), FlowTestSupport.randomNumber(), FlowTestSupport.hostileError(),
                        FlowTestSupport.loopTaskError())
                .room("defaultRoom").build();
        SocketOptions o = options.apply(SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0)).build();
        server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, o)).ioThreads(1).build().start();
    }

    private LineClient client() {
        LineClient c = LineClient.connect("127.0.0.1", server.port("socket"));
        clients.add(c);
        assertThat(c.readLine(WAIT)).contains("welcome");
        return c;
    }

    @AfterEach
    void stop() {
        clients.forEach(LineClient::close);
        if (server != null) {
            server.close();
        }
    }

    /** Sends a line and reads one reply, failing unless it comes within {@link #PROMPT}. */
    private static Map<String, Object> promptly(LineClient c, String line) {
        c.send(line);
        return c.readMap(PROMPT);
    }

    @Test
    void aClientThatDoesNotReadItsRepliesIsCutOffAtTheCapAndOthersAreServed() throws Exception {
        start(b -> b.maxOutboundBytes(1024 * 1024));
        LineClient bystander = client();
        // a small receive buffer, so the kernel takes in little of what the server queues
        try (Socket attacker = new Socket()) {
            attacker.setReceiveBufferSize(8 * 1024);
            attacker.connect(new InetSocketAddress("127.0.0.1", server.port("socket")));
            OutputStream out = attacker.getOutputStream();
            // calls answered with 8 MiB each and room messages, never read: whatever is written
            // for it once the first reply is queued (replies of the actions already running,
            // room messages) finds it over the 1 MiB cap
            out.write("roomAdd defaultRoom\nparamAdd size=8388608\n".getBytes(StandardCharsets.UTF_8));
            out.write("blob\n".repeat(200).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(promptly(bystander, "roomAdd defaultRoom")).containsEntry("status", "OK");
            AtomicLong peak = new AtomicLong();
            boolean cutOff = eventually(Duration.ofSeconds(30), () -> {
                peak.accumulateAndGet(FlowTestSupport.allocatorBytes(), Math::max);
                assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
                bystander.send("say defaultRoom still there?");
                assertThat(bystander.readMap(PROMPT)).containsEntry("status", "OK");
                assertThat(bystander.readMap(PROMPT)).containsEntry("message", "still there?");
                return core.refusals().get(Refusal.SLOW_CONSUMER) > 0;
            });
            assertThat(cutOff).as("the non-reading client is disconnected over the cap").isTrue();
            assertThat(peak.get()).as("buffers held during the attack").isLessThan(64L * 1024 * 1024);
            attacker.setSoTimeout((int) WAIT.toMillis());
            InputStream in = attacker.getInputStream();
            byte[] skip = new byte[64 * 1024];
            try {
                while (in.read(skip) >= 0) {
                    // what was sent before the close
                }
            } catch (java.net.SocketException reset) {
                // closed with data unread: also closed
            }
        }
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        assertThat(promptly(client(), "randomNumber")).containsKey("randomNumber");
    }

    @Test
    void aLargeMessageIdEchoedInEveryReplyIsContainedAndNoReplyIsLost() throws Exception {
        // the messageId bound is raised: the outbound policy must hold without it
        start(b -> b.maxOutboundBytes(1024 * 1024).stickyParams(StickyParamLimits.defaults().toBuilder()
                .maxMessageIdLength(128 * 1024).maxValueBytes(128 * 1024).build()));
        LineClient bystander = client();
        LineClient attacker = client();
        String messageId = "m".repeat(64 * 1024);
        attacker.send("paramAdd messageId=" + messageId);
        int lines = 2_000; // 128 MB of replies if all were produced at once
        Thread flood = Thread.ofVirtual().start(() -> {
            try {
                attacker.sendRaw("paramsView\n".repeat(lines));
            } catch (RuntimeException closed) {
                // fails the reads below
            }
        });
        AtomicLong peak = new AtomicLong();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            peak.accumulateAndGet(FlowTestSupport.allocatorBytes(), Math::max);
            assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
            Thread.sleep(50); // wall clock: samples memory every 50 ms for 3 s while the client does not read
        }
        assertThat(peak.get()).as("buffers held while it does not read").isLessThan(32L * 1024 * 1024);
        // it was paused, not fed: reading now, it gets every reply, in order
        assertThat(attacker.readMap(WAIT)).containsEntry("status", "OK");
        for (int i = 2; i <= lines + 1; i++) {
            assertThat(attacker.readLine(WAIT)).endsWith(",\"messageCount\":" + i + "}");
        }
        flood.join(WAIT.toMillis());
    }

    @Test
    void aLateReaderOfItsOwnInlineRepliesIsPausedNotCutOff() {
        start(b -> b.maxOutboundBytes(1024 * 1024));
        LineClient bystander = client();
        LineClient lazy = client();
        int lines = 20_000; // ~1.6 MB of replies to verbs answered on the loop: over the cap if not paused
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                lazy.sendRaw("paramAdd key=valuevaluevaluevaluevaluevaluevalue\n".repeat(lines));
            } catch (RuntimeException closed) {
                // fails the reads below
            }
        });
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        for (int i = 1; i <= lines; i++) {
            assertThat(lazy.readLine(WAIT)).endsWith(",\"messageCount\":" + i + "}");
        }
        assertThat(core.refusals().get(Refusal.SLOW_CONSUMER)).isZero();
        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void oneSayReachesEveryMemberOfALargeRoomInOrderAndTheLoopStaysResponsive() throws Exception {
        start(b -> b.connectionLimits(ConnectionLimits.defaults().toBuilder().maxConnectionsPerAddress(0).build()));
        LineClient bystander = client();
        int members = 500;
        List<LineClient> room = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            LineClient m = client();
            m.send("roomAdd defaultRoom");
            room.add(m);
        }
        for (LineClient m : room) {
            assertThat(m.readMap(WAIT)).containsEntry("status", "OK");
        }
        LineClient sender = room.get(0);
        int says = 20;
        for (int i = 0; i < says; i++) {
            sender.send("say defaultRoom message-" + i);
        }
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        // the sender: its copies in order, each after the OK of its say
        int oks = 0;
        int copies = 0;
        while (copies < says) {
            Map<String, Object> line = sender.readMap(WAIT);
            if ("OK".equals(line.get("status"))) {
                oks++;
            } else {
                assertThat(line).containsEntry("message", "message-" + copies);
                copies++;
                assertThat(oks).as("OK of say %d before its copy", copies).isGreaterThanOrEqualTo(copies);
            }
        }
        for (LineClient m : room.subList(1, members)) {
            for (int i = 0; i < says; i++) {
                assertThat(m.readMap(WAIT)).containsEntry("message", "message-" + i)
                        .containsEntry("room", "defaultRoom").containsEntry("context", "user");
            }
        }
    }

    @Test
    void anErrorInAnActionOnTheIoThreadIsAnsweredAsAnInternalError() {
        start(b -> b);
        LineClient bystander = client();
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        LineClient offender = client();
        Map<String, Object> reply = promptly(offender, "hostileError");
        assertThat((String) reply.get("error")).matches("internal error \\(ref [0-9a-f]{8}\\)");
        assertThat(reply.toString()).doesNotContain("UnloggableError", "at io.");
        assertThat(promptly(offender, "randomNumber")).containsKey("randomNumber");
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        assertThat(promptly(client(), "randomNumber")).containsKey("randomNumber");
    }

    @Test
    void anErrorThatCannotEvenBeLoggedDoesNotKillTheIoThread() {
        start(b -> b);
        LineClient bystander = client();
        assertThat(promptly(bystander, "randomNumber")).containsKey("randomNumber");
        LineClient offender = client();
        assertThat(promptly(offender, "loopTaskError")).containsEntry("queued", true);
        assertThat(promptly(bystander, "randomNumber")).as("same loop, connected before").containsKey("randomNumber");
        assertThat(promptly(offender, "randomNumber")).containsKey("randomNumber");
        for (int i = 0; i < 4; i++) {
            assertThat(promptly(client(), "randomNumber")).as("new connection " + i).containsKey("randomNumber");
        }
    }
}
