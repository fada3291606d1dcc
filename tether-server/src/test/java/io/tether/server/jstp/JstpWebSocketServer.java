package io.tether.server.jstp;

import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import java.util.function.UnaryOperator;

/** The JSTP test application over TCP and over WebSocket at {@code /jstp}, on free ports. */
final class JstpWebSocketServer implements AutoCloseable {
    final TetherCore core;
    final JstpProtocolServer jstp;
    final HttpProtocolServer http;
    final TetherServer server;

    JstpWebSocketServer() {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    JstpWebSocketServer(UnaryOperator<JstpOptions.Builder> jstpCustom, UnaryOperator<HttpOptions.Builder> httpCustom) {
        core = TetherCore.builder().action(JstpTestServer.echoAction(), JstpTestServer.sumAction())
                .room("defaultRoom", "otherRoom").build();
        JstpOptions options = TestApps.configure(jstpCustom.apply(JstpOptions.defaults().toBuilder().port(0)
                .host("127.0.0.1")).build(), 20_000);
        jstp = new JstpProtocolServer(core, options);
        http = new HttpProtocolServer(core, httpCustom.apply(HttpOptions.builder().port(0).host("127.0.0.1")).build(),
                WebRoutes.builder().webSocket("/jstp", jstp.webSocketEndpoint()).build());
        server = TetherServer.builder(core).protocol(jstp).protocol(http).preferNio(Boolean.getBoolean("nio"))
                .build().start();
    }

    int jstpPort() {
        return server.port("jstp");
    }

    int httpPort() {
        return server.port("http");
    }

    WsTestClient ws() {
        return WsTestClient.jstp(httpPort());
    }

    JstpTestClient tcp() throws java.io.IOException {
        return new JstpTestClient(jstpPort());
    }

    @Override
    public void close() {
        server.close();
    }
}
