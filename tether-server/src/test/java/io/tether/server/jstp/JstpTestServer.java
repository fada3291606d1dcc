package io.tether.server.jstp;

import io.tether.api.Action;
import io.tether.api.Input;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A Tether server with the JSTP test application and two demo actions on a free port. */
final class JstpTestServer implements AutoCloseable {
    final TetherCore core;
    final JstpProtocolServer jstp;
    final TetherServer server;

    JstpTestServer() {
        this(UnaryOperator.identity());
    }

    JstpTestServer(UnaryOperator<JstpOptions.Builder> custom) {
        core = TetherCore.builder().action(echoAction(), sumAction()).room("defaultRoom", "otherRoom").build();
        JstpOptions options = TestApps.configure(custom.apply(JstpOptions.defaults().toBuilder().port(0)
                .host("127.0.0.1")).build(), 20_000); // fewer iterations than the demo: fast test logins
        jstp = new JstpProtocolServer(core, options);
        server = TetherServer.builder(core).protocol(jstp).preferNio(Boolean.getBoolean("nio")).build().start();
    }

    int port() {
        return server.port("jstp");
    }

    JstpTestClient client() throws java.io.IOException {
        return new JstpTestClient(port());
    }

    static Action echoAction() {
        return Action.named("echo").input(Input.named("text").required())
                .handler(ctx -> Map.of("text", ctx.params().string("text"))).build();
    }

    static Action sumAction() {
        return Action.named("sum").input(Input.named("a").required(), Input.named("b").required())
                .handler(ctx -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("sum", Double.parseDouble(String.valueOf(ctx.params().get("a")))
                            + Double.parseDouble(String.valueOf(ctx.params().get("b"))));
                    return out;
                }).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
