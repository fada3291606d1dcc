package io.tether.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.demo.DemoApplication;
import io.tether.demo.ServerIdentity;
import io.tether.app.web.DemoPage;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.http.HttpOptions;
import io.tether.server.http.HttpProtocolServer;
import io.tether.server.http.WebRoutes;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.primus.PrimusEndpoint;
import io.tether.server.primus.PrimusOptions;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo application on one core behind three listeners on loopback, port 0: the socket
 * protocol, JSTP, and HTTP with the Primus endpoint ({@code /primus}), JSTP over WebSocket
 * ({@code /jstp}), ActionHero's client script (rendered by {@code web/build-client.js} into
 * {@code target/web/} from the npm packages, once per JVM), {@code @metarhia/jstp}'s browser build
 * (from its npm package) and the demo pages. Fails (never skips) when node or the npm peers are missing.
 */
final class WebTestServer implements AutoCloseable {
    static final String WELCOME = "Welcome to the tether web test";
    /** Where JSTP over WebSocket is served. */
    static final String JSTP_PATH = "/jstp";
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static Path script;

    private final TetherServer server;

    private WebTestServer(Duration primusPing) throws IOException, InterruptedException {
        ServerIdentity identity = new ServerIdentity("web-test", "tether", "web test", "0.0.1", "test",
                System.currentTimeMillis());
        TetherCore core = DemoApplication.install(TetherCore.builder(), identity).build();
        PrimusEndpoint primus = new PrimusEndpoint(core, PrimusOptions.defaults().toBuilder()
                .welcomeMessage(WELCOME).pingInterval(primusPing).clientScript(clientScript()).build());
        JstpOptions jstpOptions = JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        JstpProtocolServer jstp = new JstpProtocolServer(core, jstpOptions);
        WebRoutes.Builder routes = primus.addTo(WebRoutes.builder()).webSocket(JSTP_PATH, jstp.webSocketEndpoint());
        DemoPage.builder().core(core)
                .jstp(JSTP_PATH, jstpOptions.builtinApplication(), jstpOptions.actionsInterface(),
                        jstpOptions.chatInterface())
                .jstpClientScript(jstpClientScript()).build().register(routes);
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder()
                        .host("127.0.0.1").port(0).build()))
                .protocol(jstp)
                .protocol(new HttpProtocolServer(core, HttpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                        .build(), routes.build()))
                .closeAfter(core)
                .build().start();
    }

    /** A server whose Primus endpoint pings every {@code primusPing}. */
    static WebTestServer start(Duration primusPing) throws IOException, InterruptedException {
        return new WebTestServer(primusPing);
    }

    /** A server with the default Primus ping (30 s). */
    static WebTestServer start() throws IOException, InterruptedException {
        return start(Duration.ofSeconds(30));
    }

    /** {@code http://127.0.0.1:<port>}. */
    String origin() {
        return "http://127.0.0.1:" + server.port("http");
    }

    int socketPort() {
        return server.port("socket");
    }

    int jstpPort() {
        return server.port("jstp");
    }

    TetherServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * {@code @metarhia/jstp}'s browser build as the npm package ships it
     * ({@code node_modules/@metarhia/jstp/dist/jstp.umd.js}, installed by install-peers.sh from the
     * committed package-lock.json).
     */
    static Path jstpClientScript() {
        Path umd = MODULE.resolve("node_modules/@metarhia/jstp/dist/jstp.umd.js");
        assertThat(umd).as("npm peers missing: run tether-interop/install-peers.sh (./tether test does)").exists();
        return umd;
    }

    /**
     * ActionHero's browser client as actionhero@29.3.5 renders it at boot, rendered from the
     * installed npm packages into {@code target/web/ActionheroWebsocketClient.js} (once per JVM).
     */
    static synchronized Path clientScript() throws IOException, InterruptedException {
        if (script != null) {
            return script;
        }
        Path builder = MODULE.resolve("web/build-client.js");
        Path actionhero = MODULE.resolve("web/node_modules/actionhero/package.json");
        assertThat(actionhero).as("npm peers of web/ missing: run tether-interop/install-peers.sh (./tether test does)")
                .exists();
        Path out = MODULE.resolve("target/web/ActionheroWebsocketClient.js");
        Process p = new ProcessBuilder(List.of(NodeScript.node(), builder.toString(), out.toString()))
                .directory(MODULE.resolve("web").toFile()).redirectErrorStream(true).start();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as("build-client.js finished; output:%n%s", output).isTrue();
        assertThat(p.exitValue()).as("build-client.js output:%n%s", output).isZero();
        assertThat(Files.readString(out)).contains("ActionheroWebsocketClient", "primus::pong::");
        script = out;
        return out;
    }
}
