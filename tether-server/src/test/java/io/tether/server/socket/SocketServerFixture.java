package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A TetherServer with one socket listener on port 0 and the test actions; closes its clients. */
final class SocketServerFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(3);
    static final String WELCOME = "Welcome to the test api";

    private final TetherServer server;
    private final String name;
    private final List<LineClient> clients = new ArrayList<>();

    private SocketServerFixture(TetherServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static SocketServerFixture start() {
        return start(b -> b);
    }

    static SocketServerFixture start(UnaryOperator<SocketOptions.Builder> options) {
        TetherCore core = TetherCore.builder().action(TestActions.all()).room("defaultRoom", "otherRoom").build();
        SocketOptions o = options.apply(SocketOptions.defaults().toBuilder()
                .host("127.0.0.1").port(0).welcomeMessage(WELCOME)
                .pendingShutdownWaitLimit(Duration.ofSeconds(2))).build();
        TetherServer server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, o)).build().start();
        return new SocketServerFixture(server, o.name());
    }

    int port() {
        return server.port(name);
    }

    TetherServer server() {
        return server;
    }

    /** A connected client whose welcome line has been read and checked. */
    LineClient client() {
        LineClient c = rawClient();
        assertThat(c.readLine(WAIT)).isEqualTo("{\"welcome\":\"" + WELCOME + "\",\"context\":\"api\"}");
        return c;
    }

    /** A connected client; nothing read yet. */
    LineClient rawClient() {
        LineClient c = LineClient.connect("127.0.0.1", port());
        clients.add(c);
        return c;
    }

    /** Sends a line and reads one JSON object. */
    static Map<String, Object> call(LineClient c, String line) {
        c.send(line);
        return c.readMap(WAIT);
    }

    @Override
    public void close() {
        clients.forEach(LineClient::close);
        server.close();
    }
}
