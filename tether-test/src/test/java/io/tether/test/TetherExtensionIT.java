package io.tether.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts the server for the class and hands it to fields and parameters alike. */
class TetherExtensionIT {
    @RegisterExtension
    static final TetherExtension TETHER = TetherExtension.of(TetherTestServer.builder(app -> app
            .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build()))
            .config("tether.socket.welcome", "hi from the extension"));

    @Test
    void theServerRunsWithTheGivenSettings() {
        assertThat(TETHER.server().socketClient().action("hello").join().get("hello")).isEqualTo("world");
        assertThat(TETHER.server().config().socketListeners().get(0).welcomeMessage()).isEqualTo("hi from the extension");
    }

    @Test
    void aParameterGetsTheSameServer(TetherTestServer server) {
        assertThat(server).isSameAs(TETHER.server());
        assertThat(server.jstpClient().callMethod("api", "hello").join()).containsExactly(Map.of("hello", "world"));
    }
}
