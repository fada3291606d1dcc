package io.tether.app.it;

import static io.tether.app.it.Shapes.assertShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import io.tether.api.Formatter;
import io.tether.api.Input;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "define an action" examples of the root README (socket and JSTP), kept compiling and working. */
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

    @Test
    void readmeJstpExampleWorks() throws Exception {
        Action greet = Action.named("greet")
                .input(Input.named("name").required().formatter(Formatter.toStringValue()))
                .handler(ctx -> Map.of("greeting", "Hello, " + ctx.params().string("name") + "!"))
                .build();
        TetherCore core = TetherCore.builder().action(greet).room("lobby").build();
        // --- README JSTP example (keep in sync) ---
        JstpApplication hello = JstpApplication.builder("hello", "1.0.0")
                .iface(JstpInterface.builder("greeter")
                        .method("hi", 1, ctx -> List.of("Hi, " + ctx.arg(0) + "!"))
                        .build())
                .build();
        TetherServer server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().port(0).build()))
                .protocol(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().port(0)
                        .application(hello).build()))
                .build()
                .start();
        // --- end of example ---
        try (server; Socket s = new Socket("127.0.0.1", server.port("jstp"))) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("{handshake:[0,'hello']}\0{call:[1,'greeter'],hi:['Ada']}\0{call:[2,'api'],greet:[{name:'Ada'}]}\0"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readMessage(in)).startsWith("{handshake:[0],ok:'");
            assertThat(List.of(readMessage(in), readMessage(in))).containsExactlyInAnyOrder(
                    "{callback:[1],ok:['Hi, Ada!']}", "{callback:[2],ok:[{greeting:'Hello, Ada!'}]}");
        }
    }

    /** Reads one NUL-terminated JSTP message. */
    private static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != 0; ) {
            if (b < 0) {
                throw new AssertionError("connection closed after " + buf.toString(StandardCharsets.UTF_8));
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
