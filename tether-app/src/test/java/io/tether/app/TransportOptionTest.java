package io.tether.app;

import static org.assertj.core.api.Assertions.assertThat;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** {@code --transport NAME} sets tether.transport; without it the key is left to the lower layers. */
class TransportOptionTest {

    @Test
    void theOptionSetsTheKey() {
        TetherCommand command = new TetherCommand(app -> { });
        new CommandLine(command).parseArgs("--transport", "io_uring");
        assertThat(command.overrides()).containsEntry("tether.transport", "io_uring");
    }

    @Test
    void withoutTheOptionTheKeyIsNotSet() {
        TetherCommand command = new TetherCommand(app -> { });
        new CommandLine(command).parseArgs();
        assertThat(command.overrides()).doesNotContainKey("tether.transport");
    }
}
