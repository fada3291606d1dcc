package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.TetherException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tether.socket.unix-path and tether.jstp.unix-path: from the file, environment and options. */
class UnixSocketSettingsTest {
    private static AppConfig map(Map<String, String> env, Map<String, ?> cli) {
        return AppConfig.from(ConfigLoader.load(null, env, cli), null);
    }

    @Test
    void noneByDefault() {
        assertThat(map(Map.of(), Map.of()).unixSockets()).isEmpty();
    }

    @Test
    void environmentAndCommandLineNameThePathsByListener() {
        AppConfig config = map(Map.of("TETHER_SOCKET_UNIX_PATH", "/tmp/t/socket.sock"),
                Map.of("tether.jstp.unix-path", "/tmp/t/jstp.sock"));
        assertThat(config.unixSockets()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "socket", Path.of("/tmp/t/socket.sock"), "jstp", Path.of("/tmp/t/jstp.sock")));
    }

    @Test
    void jstpOffMeansNoJstpSocket() {
        AppConfig config = map(Map.of(), Map.of("tether.jstp.unix-path", "/tmp/t/jstp.sock",
                "tether.jstp.enabled", false));
        assertThat(config.unixSockets()).isEmpty();
    }

    @Test
    void bothOnOneFileIsAConfigurationError() {
        assertThatThrownBy(() -> map(Map.of(), Map.of("tether.socket.unix-path", "/tmp/t/x.sock",
                "tether.jstp.unix-path", "/tmp/t/../t/x.sock")))
                .isInstanceOf(TetherException.class).hasMessageContaining("are the same file");
    }
}
