package io.tether.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.tether.api.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a static field the extension's server can also come through the test class's constructor. */
class TetherExtensionConstructorIT {
    @RegisterExtension
    static final TetherExtension TETHER = TetherExtension.of(app -> app
            .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build()));

    private final TetherTestServer server;

    TetherExtensionConstructorIT(TetherTestServer server) {
        this.server = server;
    }

    @Test
    void theConstructorGetsTheClassesServer() {
        assertThat(server).isSameAs(TETHER.server());
        assertThat(server.socketClient().action("hello").join().get("hello")).isEqualTo("world");
    }
}
