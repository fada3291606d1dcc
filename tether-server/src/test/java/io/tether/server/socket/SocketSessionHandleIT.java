package io.tether.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session handle an action sees over the socket protocol: its id is the connection id
 * rooms show, it has no principal, user data lives as long as the connection, {@code emit}
 * reports that the protocol has no server events, and {@code close()} ends the connection with
 * Bye (the closing action's own reply may come first or not at all).
 */
class SocketSessionHandleIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void anActionSeesItsSessionAndCanCloseIt() {
        Action whoami = Action.named("whoami").handler(ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", ctx.session().id());
            out.put("anonymous", ctx.session().principal().isEmpty());
            out.put("calls", ctx.session().data().merge("calls", 1, (a, b) -> (Integer) a + (Integer) b));
            out.put("emitted", ctx.session().emit("any", "event", List.of()));
            return out;
        }).build();
        Action logout = Action.named("logout").handler(ctx -> {
            ctx.session().close();
            return null;
        }).build();
        TetherCore core = TetherCore.builder().action(whoami, logout).build();
        SocketOptions options = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        try (TetherServer server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, options))
                .build().start();
             LineClient c = LineClient.connect("127.0.0.1", server.port(options.name()))) {
            c.readLine(WAIT); // welcome
            c.send("detailsView");
            @SuppressWarnings("unchecked")
            String id = (String) ((Map<String, Object>) c.readMap(WAIT).get("data")).get("id");
            c.send("whoami");
            assertThat(c.readMap(WAIT)).containsEntry("id", id).containsEntry("anonymous", true)
                    .containsEntry("calls", 1).containsEntry("emitted", false);
            c.send("whoami");
            assertThat(c.readMap(WAIT)).containsEntry("calls", 2);
            c.send("logout");
            Map<String, Object> next = c.readMap(WAIT);
            if ("response".equals(next.get("context"))) { // the logout's own reply may overtake the Bye
                assertThat(next).doesNotContainKey("error");
                next = c.readMap(WAIT);
            }
            assertThat(next).containsEntry("status", "Bye").containsEntry("context", "api");
            assertThat(c.awaitClosed(WAIT)).isTrue();
        }
    }
}
