package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
    @TempDir
    Path dir;

    private Path file(String hocon) throws IOException {
        Path f = dir.resolve("tether.conf");
        Files.writeString(f, hocon);
        return f;
    }

    @Test
    void aMisspelledKeyInTheFileStopsTheServerWithASuggestion() throws IOException {
        Path f = file("tether.socket.max-data-lenght = 100\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
                .isInstanceOfSatisfying(TetherException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR))
                .hasMessageContaining("unknown setting tether.socket.max-data-lenght")
                .hasMessageContaining("did you mean tether.socket.max-data-length?");
    }

    @Test
    void aMisspelledEnvironmentVariableStopsTheServerWithASuggestion() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TETHER_SOCKET_PROT", "6000"), Map.of()))
                .hasMessageContaining("unknown environment variable TETHER_SOCKET_PROT")
                .hasMessageContaining("did you mean TETHER_SOCKET_PORT?");
    }

    @Test
    void theLaunchersOwnVariableAndOtherProgramsVariablesAreNotSettings() {
        assertThat(ConfigLoader.load(null, Map.of("TETHER_JAVA_OPTS", "-Xmx1g", "PATH", "/bin", "REDIS_URL", ""),
                Map.of()).getInt("tether.socket.port")).isEqualTo(5000);
    }

    @Test
    void aRemovedSettingSaysWhatReplacedIt() throws IOException {
        Path f = file("tether.jstp.method-timeout = 5s\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
                .hasMessageContaining("setting tether.jstp.method-timeout was removed")
                .hasMessageContaining("tether.actions.timeout");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TETHER_JSTP_METHOD_TIMEOUT", "5s"), Map.of()))
                .hasMessageContaining("TETHER_JSTP_METHOD_TIMEOUT was removed");
    }

    @Test
    void aTypeErrorNamesTheFullPath() throws IOException {
        Path f = file("tether.actions.timeout = soon\ntether.jstp.port = many\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of()))
                .hasMessageContaining("2 problems")
                .hasMessageContaining("tether.actions.timeout")
                .hasMessageContaining("tether.jstp.port");
    }

    @Test
    void aWrongTypeFromTheEnvironmentNamesTheFullPath() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TETHER_SOCKET_MAX_STICKY_VALUE_BYTES", "lots"),
                Map.of()))
                .hasMessageContaining("tether.socket.max-sticky-value-bytes");
    }

    @Test
    void allowUnknownTurnsUnknownNamesIntoWarningsButNotTypeErrors() throws IOException {
        Path f = file("tether.config.allow-unknown = true\ntether.socket.colour = blue\n");
        assertThat(ConfigLoader.load(f, Map.of("TETHER_FUTURE_SETTING", "1"), Map.of())
                .getInt("tether.socket.port")).isEqualTo(5000);
        Path bad = file("tether.config.allow-unknown = true\ntether.socket.port = many\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of(), Map.of()))
                .hasMessageContaining("tether.socket.port");
    }

    @Test
    void suggestionsOnlyForCloseNames() {
        assertThat(ConfigValidator.suggestion("tether.nothing.like.this.at.all",
                java.util.Set.of("tether.socket.port"))).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
