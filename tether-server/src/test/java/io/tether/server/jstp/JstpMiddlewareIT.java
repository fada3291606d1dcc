package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.ActionContext;
import io.tether.api.ActionMiddleware;
import io.tether.api.CallContext;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue #12: the same middleware runs around JSTP-native methods and actions (an action over
 * the {@code api} interface passes it once), and a method's context reaches the session.
 */
class JstpMiddlewareIT {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private final ActionMiddleware guard = new ActionMiddleware() {
        @Override
        public String name() {
            return "guard";
        }

        @Override
        public void before(CallContext ctx) {
            seen.add((ctx instanceof ActionContext ? "action " : "method ") + ctx.name());
            if (ctx.name().equals("testInterface.add")) {
                throw new TetherException(ErrorCode.REJECTED, "no adding");
            }
        }
    };

    @Test
    void methodsAndActionsPassTheSameMiddleware() throws Exception {
        TetherCore core = TetherCore.builder().action(JstpTestServer.echoAction()).middleware(guard).build();
        JstpOptions options = TestApps.configure(JstpOptions.defaults().toBuilder().port(0).host("127.0.0.1")
                .build(), 20_000);
        try (TetherServer server = TetherServer.builder(core).protocol(new JstpProtocolServer(core, options))
                .build().start();
             JstpTestClient c = new JstpTestClient(server.port("jstp"))) {
            c.handshake("testApp");
            assertThat(c.request("{call:[1,'testInterface'],add:[1,2]}"))
                    .isEqualTo("{callback:[1],error:[25,'no adding']}");
            assertThat(c.request("{call:[2,'testInterface'],echo:['x']}")).isEqualTo("{callback:[2],ok:['x']}");
            assertThat(c.request("{call:[3,'api'],echo:['hi']}")).isEqualTo("{callback:[3],ok:[{text:'hi'}]}");
            assertThat(seen).containsExactly("method testInterface.add", "method testInterface.echo", "action echo");
        } finally {
            core.close();
        }
    }
}
