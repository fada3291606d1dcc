package io.tether.app.it;

import static io.tether.app.it.Shapes.assertShape;

import io.tether.api.Action;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "define an action" example of the root README, kept compiling and working. */
class ReadmeExampleIT {
    @Test
    void readmeExampleWorks() throws Exception {
        // --- README example (keep in sync) ---
        Action greet = Action.named("greet")
                .description("Greets someone")
                .input(Input.named("name").required().formatter(Formatter.toStringValue()))
                .handler(ctx -> Map.of("greeting", "Hello, " + ctx.params().string("name") + "!"))
                .build();

        TetherCore core = TetherCore.builder().action(greet).room("lobby").build();
        TetherServer server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().port(0).build()))
                .build()
                .start();
        // --- end of example ---
        try (server; LineClient c = new LineClient("127.0.0.1", server.port("socket"))) {
            c.read();
            c.send("{\"action\":\"greet\",\"params\":{\"name\":\"Ada\"}}");
            assertShape(c.read(), """
                    {"greeting":"Hello, Ada!","context":"response","messageId":"<uuid>","messageCount":1}""");
        }
    }
}
