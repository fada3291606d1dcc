package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tether.core.TetherCore;
import io.tether.core.limits.Refusal;
import io.tether.server.TetherServer;
import io.tether.core.session.resume.SessionBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node-wide budget of buffered session messages (issue #11 item 1): detached room members
 * buffer every room message until the budget is spent; the sessions that would buffer past it
 * are dropped, the budget is never exceeded, and what remains is released exactly on
 * acknowledgement, so the accounting returns to zero. One I/O thread: another client stays
 * answered.
 */
class JstpSessionBudgetIT {
    private static final long BUDGET = 16 * 1024;

    private TetherCore core;
    private JstpProtocolServer jstp;
    private TetherServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JstpTestClient client() throws Exception {
        return new JstpTestClient(server.port("jstp"));
    }

    private SessionBudget budget() {
        return jstp.sessions().quota().budget();
    }

    @Test
    void detachedMembersBufferUntilTheBudgetThenAreDroppedAndTheAccountingReturnsToZero() throws Exception {
        core = TetherCore.builder().room("defaultRoom").build();
        jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .sessionBufferBudgetBytes(BUDGET).build());
        server = TetherServer.builder(core).protocol(jstp).ioThreads(1).build().start();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            try (JstpTestClient c = client()) {
                ids.add(c.handshake("tether"));
                assertThat(c.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jstp.sessions().quota().detachedCount() == 8);
        String text = "x".repeat(400);
        try (JstpTestClient bystander = client()) {
            bystander.handshake("tether");
            for (int i = 0; i < 12; i++) {
                core.rooms().broadcast("defaultRoom", text);
                assertThat(budget().usedBytes()).isLessThanOrEqualTo(BUDGET);
                long start = System.nanoTime();
                assertThat(bystander.request("{ping:[" + (i + 1) + "]}")).isEqualTo("{pong:[" + (i + 1) + "]}");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            }
        }
        long dropped = core.refusals().get(Refusal.SESSION_BUFFER_BUDGET);
        assertThat(dropped).isPositive();
        assertThat(jstp.sessions().size()).isEqualTo(8 - (int) dropped + 1); // + the bystander's session
        assertThat(core.rooms().view("defaultRoom").members()).hasSize(8 - (int) dropped);
        assertThat(budget().usedBytes()).isPositive().isLessThanOrEqualTo(BUDGET);

        // the survivors restore, get their buffer again and acknowledge it: every byte is released
        int restored = 0;
        for (String id : ids) {
            try (JstpTestClient c = client()) {
                String reply = c.request("{handshake:[0,'tether'],session:['" + id + "',0]}");
                if (reply.equals("{handshake:[0],error:[11]}")) {
                    continue; // dropped at the budget
                }
                assertThat(reply).isEqualTo("{handshake:[0],ok:1}");
                restored++;
                // a survivor never failed to buffer: it holds all 12 messages, resent in order
                for (int k = 1; k <= 12; k++) {
                    assertThat(c.readText()).startsWith("{event:[-" + k + ",'chat'],message:[{message:'xxx");
                }
                String lastId = "-12";
                assertThat(c.request("{call:[9,'chat'],view:['defaultRoom']}")).startsWith("{callback:[9],ok:");
                c.send("{callback:[" + lastId + "],ok:[]}");
                c.request("{ping:[10]}"); // the acknowledgement was processed before the pong
            }
        }
        assertThat(restored).isEqualTo(8 - (int) dropped);
        await().atMost(Duration.ofSeconds(5)).until(() -> budget().usedBytes() == 0);
    }

    @Test
    void aSessionOverItsOwnLimitIsDroppedAndCounted() throws Exception {
        core = TetherCore.builder().room("defaultRoom").build();
        jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .sessionLimits(io.tether.core.session.resume.SessionLimits.builder()
                        .maxEntries(3).maxBytes(1_000_000).build())
                .build());
        server = TetherServer.builder(core).protocol(jstp).ioThreads(1).build().start();
        String id;
        try (JstpTestClient c = client()) {
            id = c.handshake("tether");
            assertThat(c.request("{call:[1,'chat'],join:['defaultRoom']}")).isEqualTo("{callback:[1],ok:[]}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jstp.sessions().quota().detachedCount() == 1);
        for (int i = 0; i < 4; i++) {
            core.rooms().broadcast("defaultRoom", "m" + i);
        }
        assertThat(core.refusals().get(Refusal.SESSION_BUFFER_FULL)).isEqualTo(1);
        assertThat(budget().usedBytes()).isZero();
        assertThat(core.rooms().view("defaultRoom").members()).isEmpty();
        try (JstpTestClient c = client()) {
            assertThat(c.request("{handshake:[0,'tether'],session:['" + id + "',0]}"))
                    .isEqualTo("{handshake:[0],error:[11]}");
        }
    }
}
