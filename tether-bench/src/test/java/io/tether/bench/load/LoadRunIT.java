package io.tether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.core.TetherCore;
import io.tether.core.action.ProcessorOptions;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import io.tether.server.primus.PrimusEndpoint;
import io.tether.server.primus.PrimusOptions;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator against in-process Tether servers (both protocols), by request count. */
class LoadRunIT {
    private static TetherCore core;
    private static TetherServer server;

    @BeforeAll
    static void start() {
        core = TetherCore.builder()
                .action(Action.named("randomNumber").handler(ctx -> Map.of("randomNumber", Math.random())).build())
                .processorOptions(ProcessorOptions.defaults().toBuilder().simultaneousActions(64).build())
                .build();
        JstpApplication bench = JstpApplication.builder("bench", "1.0.0")
                .iface(JstpInterface.builder("bench").nonBlocking("echo", 1, ctx -> List.of(ctx.arg(0)))
                        .method(io.tether.api.jstp.JstpMethod.async("pull", 1, ctx -> ctx.jstpPeer().orElseThrow()
                                .callMethod("client", "echo", List.of(ctx.arg(0)))))
                        .build()).build();
        JstpProtocolServer jstp = new JstpProtocolServer(core, JstpOptions.defaults().toBuilder()
                .host("127.0.0.1").port(0).application(bench).build());
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).build()))
                .protocol(jstp)
                .protocol(new io.tether.server.http.HttpProtocolServer(core, io.tether.server.http.HttpOptions
                        .builder().host("127.0.0.1").port(0).build(), io.tether.server.http.WebRoutes.builder()
                        .webSocket("/jstp", jstp.webSocketEndpoint())
                        .webSocket("/primus/*", new PrimusEndpoint(core, PrimusOptions.defaults())).build()))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
        core.close();
    }

    private static LoadOptions.Builder base(Protocol p, String listener) {
        return LoadOptions.defaults().toBuilder().protocol(p).port(server.port(listener)).connections(4).depth(8)
                .requests(400).warmup(Duration.ofMillis(200)).duration(Duration.ofSeconds(20)).threads(1)
                .pids(List.of(ProcessHandle.current().pid()));
    }

    @Test
    void socketInlineRequests() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.SOCKET, "socket").build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).isZero();
        assertThat(r.failures()).isZero();
        assertThat(r.serverRssKb()).isPositive();
        assertThat(r.toJson()).startsWith("{\"tetherBench\":1,\"mode\":\"load\"");
    }

    @Test
    void socketJsonRequestsMatchByMessageId() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.SOCKET, "socket").json(true).build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.failures()).isZero();
    }

    @Test
    void jstpCalls() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.JSTP, "jstp").app("bench").iface("bench").request("echo")
                .args("['hi']").build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).isZero();
        assertThat(r.failures()).isZero();
    }

    @Test
    void jstpServerCallsThroughPull() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.JSTP, "jstp").app("bench").iface("bench").request("pull")
                .args("['hi']").build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).as("each pull is answered with the client's answer").isZero();
        assertThat(r.failures()).isZero();
    }

    @Test
    void jstpCallsOverWebSocket() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.JSTP, "http").webSocketPath("/jstp").app("bench").iface("bench")
                .request("echo").args("['hi']").build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).isZero();
        assertThat(r.failures()).isZero();
        assertThat(r.toJson()).contains("+ws");
    }

    @Test
    void primusActionsOverWebSocket() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.PRIMUS, "http").webSocketPath("/primus").build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).isZero();
        assertThat(r.failures()).isZero();
        assertThat(r.toJson()).contains("\"label\":\"primus action randomNumber\"").contains("+ws");
    }

    @Test
    void primusErrorRepliesAreCountedAsErrors() throws Exception {
        LoadResult r = new LoadRun(base(Protocol.PRIMUS, "http").webSocketPath("/primus").request("noSuchAction")
                .build()).run();
        assertThat(r.completed()).isEqualTo(400);
        assertThat(r.errors()).isEqualTo(400);
        assertThat(r.failures()).isZero();
    }

    @Test
    void idleConnectionsAreHeldAndGreeted() throws Exception {
        LoadResult r = new IdleRun(base(Protocol.JSTP, "jstp").app("bench").idle(50).hold(Duration.ZERO).build())
                .run();
        assertThat(r.completed()).isEqualTo(50);
        assertThat(r.failures()).isZero();
    }
}
