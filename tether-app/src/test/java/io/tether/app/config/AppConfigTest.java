package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.socket.SocketOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering (defaults, file, environment, command line) and mapping into option types. */
class AppConfigTest {
    @TempDir
    Path dir;

    private static AppConfig map(Path file, Map<String, String> env, Map<String, ?> cli) {
        return AppConfig.from(ConfigLoader.load(file, env, cli), null);
    }

    private static SocketOptions only(AppConfig config) {
        assertThat(config.socketListeners()).hasSize(1);
        return config.socketListeners().get(0);
    }

    @Test
    void defaultsMatchTheReferenceServer() {
        AppConfig config = map(null, Map.of(), Map.of());
        SocketOptions socket = only(config);
        assertThat(socket.name()).isEqualTo("socket");
        assertThat(socket.host()).isEqualTo("0.0.0.0");
        assertThat(socket.port()).isEqualTo(5000);
        assertThat(socket.tls().enabled()).isFalse();
        assertThat(socket.keepAlive()).isFalse();
        assertThat(socket.delimiter()).isEqualTo("\n");
        assertThat(socket.maxDataLength()).isZero();
        assertThat(socket.maxLineBytes()).isEqualTo(1024 * 1024);
        assertThat(socket.pendingShutdownWaitLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(socket.welcomeMessage()).isEqualTo("Welcome to the tether api");
        assertThat(config.actions().simultaneousActions()).isEqualTo(5);
        assertThat(config.actions().defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.serverId()).isNotBlank();
        assertThat(config.name()).isEqualTo("tether");
    }

    @Test
    void fileThenEnvironmentThenCommandLine() throws IOException {
        Path file = Files.writeString(dir.resolve("tether.conf"), """
                tether.socket { port = 6000, welcome = "from file", max-data-length = 100 }
                tether.actions.simultaneous = 7
                tether.server.id = file-id
                """);
        Map<String, String> env = Map.of("TETHER_SOCKET_PORT", "6001", "TETHER_SOCKET_MAX_DATA_LENGTH", "200",
                "TETHER_SOCKET_KEEPALIVE", "true", "UNRELATED", "x");
        AppConfig config = map(file, env, Map.of("tether.socket.port", 6002));
        SocketOptions socket = only(config);
        assertThat(socket.port()).isEqualTo(6002);
        assertThat(socket.maxDataLength()).isEqualTo(200);
        assertThat(socket.keepAlive()).isTrue();
        assertThat(socket.welcomeMessage()).isEqualTo("from file");
        assertThat(config.actions().simultaneousActions()).isEqualTo(7);
        assertThat(config.serverId()).isEqualTo("file-id");
    }

    @Test
    void envNamesFollowThePath() {
        assertThat(ConfigLoader.envName("tether.socket.max-data-length")).isEqualTo("TETHER_SOCKET_MAX_DATA_LENGTH");
        assertThat(ConfigLoader.envName("tether.socket.tls.cert")).isEqualTo("TETHER_SOCKET_TLS_CERT");
    }

    @Test
    void certificateWithoutTlsPortMakesTheListenerSecure() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        SocketOptions socket = only(map(null, Map.of(), Map.of("tether.socket.tls.cert", cert.toString(),
                "tether.socket.tls.key", key.toString())));
        assertThat(socket.tls().enabled()).isTrue();
        assertThat(socket.tls().certificateChain()).isEqualTo(cert);
        assertThat(socket.tls().privateKey()).isEqualTo(key);
    }

    @Test
    void tlsPortAddsASecondTlsListener() throws IOException {
        Path p12 = Files.writeString(dir.resolve("server.p12"), "x");
        AppConfig config = map(null, Map.of(), Map.of("tether.socket.tls.pkcs12", p12.toString(),
                "tether.socket.tls.password", "secret", "tether.socket.tls.port", 5443, "tether.socket.port", 0));
        assertThat(config.socketListeners()).hasSize(2);
        SocketOptions plain = config.socketListeners().get(0);
        SocketOptions secure = config.socketListeners().get(1);
        assertThat(plain.name()).isEqualTo("socket");
        assertThat(plain.tls().enabled()).isFalse();
        assertThat(secure.name()).isEqualTo("socket-tls");
        assertThat(secure.port()).isEqualTo(5443);
        assertThat(secure.tls().pkcs12()).isEqualTo(p12);
        assertThat(secure.tls().pkcs12Password()).isEqualTo("secret");
    }

    @Test
    void missingCertificateNamesTheFile() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.socket.tls.cert", missing.toString(),
                "tether.socket.tls.key", missing.toString())))
                .isInstanceOf(TetherException.class)
                .hasMessageContaining(missing.toString())
                .satisfies(e -> assertThat(((TetherException) e).code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }

    @Test
    void tlsPortWithoutCertificateIsRejected() {
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.socket.tls.port", 5443)))
                .isInstanceOf(TetherException.class).hasMessageContaining("tls.port");
    }

    @Test
    void badPortsAreRejectedWithTheirKey() {
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.socket.port", 70000)))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.port")
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> map(null, Map.of("TETHER_SOCKET_PORT", "http"), Map.of()))
                .isInstanceOf(TetherException.class).hasMessageContaining("port");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("absent.conf");
        assertThatThrownBy(() -> map(missing, Map.of(), Map.of()))
                .isInstanceOf(TetherException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void publicDirectoryMustExistWhenConfigured() throws IOException {
        Path pub = Files.createDirectory(dir.resolve("pub"));
        SocketOptions socket = only(map(null, Map.of(), Map.of("tether.socket.public-dir", pub.toString())));
        assertThat(socket.publicDirectory()).isEqualTo(pub.toAbsolutePath().normalize());
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.socket.public-dir", dir.resolve("x").toString())))
                .isInstanceOf(TetherException.class).hasMessageContaining("public directory");
    }

    @Test
    void defaultPublicDirectoryIsFoundBesideTheJarFolder() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path target = Files.createDirectories(app.resolve("target"));
        Path pub = Files.createDirectories(app.resolve("public"));
        Path elsewhere = Files.createDirectories(dir.resolve("cwd"));
        assertThat(PublicDirectory.resolve("", elsewhere, target)).isEqualTo(pub.toAbsolutePath().normalize());
        assertThat(PublicDirectory.resolve("", elsewhere, elsewhere)).isNull();
        Path local = Files.createDirectories(elsewhere.resolve("public"));
        assertThat(PublicDirectory.resolve("", elsewhere, target)).isEqualTo(local.toAbsolutePath().normalize());
    }
}
