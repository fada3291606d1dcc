package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.Transport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tether.transport: from the defaults, the environment and the command line; unknown names. */
class TransportSettingTest {
    private static AppConfig map(Map<String, String> env, Map<String, ?> cli) {
        return AppConfig.from(ConfigLoader.load(null, env, cli), null);
    }

    @Test
    void autoByDefault() {
        assertThat(map(Map.of(), Map.of()).transport()).isEqualTo(Transport.AUTO);
    }

    @Test
    void environmentAndCommandLineChooseIt() {
        assertThat(map(Map.of("TETHER_TRANSPORT", "io_uring"), Map.of()).transport()).isEqualTo(Transport.IO_URING);
        assertThat(map(Map.of("TETHER_TRANSPORT", "io_uring"), Map.of("tether.transport", "nio")).transport())
                .isEqualTo(Transport.NIO);
        assertThat(map(Map.of(), Map.of("tether.transport", "EPOLL")).transport()).isEqualTo(Transport.EPOLL);
    }

    @Test
    void anUnknownNameIsAConfigurationErrorNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> map(Map.of("TETHER_TRANSPORT", "kqueue"), Map.of()))
                .isInstanceOf(TetherException.class)
                .hasMessage("tether.transport: unknown transport 'kqueue': expected auto, epoll, io_uring or nio")
                .extracting(e -> ((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR);
    }

    @Test
    void theValidatorKnowsTheKeyAndItsEnvironmentVariable() {
        assertThat(ConfigLoader.envName("tether.transport")).isEqualTo("TETHER_TRANSPORT");
        // an unknown TETHER_* variable would stop the load; this one loads
        assertThat(ConfigLoader.load(null, Map.of("TETHER_TRANSPORT", "nio"), Map.of()).getString("tether.transport"))
                .isEqualTo("nio");
    }
}
