package io.tether.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.api.jstp.JstpApplication;
import io.tether.server.limits.ConnectionLimits;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.StickyParamLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        assertThat(socket.maxOutboundBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(socket.maxJsonTokens()).isEqualTo(200_000);
        assertThat(socket.pendingShutdownWaitLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(socket.welcomeMessage()).isEqualTo("Welcome to the tether api");
        assertThat(config.actions().simultaneousActions()).isEqualTo(5);
        assertThat(config.actions().defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.serverId()).isNotBlank();
        assertThat(config.name()).isEqualTo("tether");
    }

    @Test
    void connectionAndStickyBoundsDefaultsAndOverrides() {
        AppConfig defaults = map(null, Map.of(), Map.of());
        assertThat(only(defaults).connectionLimits()).isEqualTo(ConnectionLimits.defaults());
        assertThat(only(defaults).stickyParams()).isEqualTo(StickyParamLimits.defaults());
        assertThat(defaults.jstp().orElseThrow().connectionLimits()).isEqualTo(ConnectionLimits.defaults());

        AppConfig config = map(null, Map.of("TETHER_SOCKET_MAX_CONNECTIONS_PER_ADDRESS", "20000",
                "TETHER_JSTP_MAX_CONNECTIONS", "0"), Map.of("tether.socket.idle-timeout", "0s",
                "tether.socket.max-sticky-params-bytes", "1m", "tether.socket.max-message-id-length", 64,
                "tether.jstp.tls-handshake-timeout", "2s", "tether.admin.port", 0,
                "tether.admin.request-timeout", "5s"));
        SocketOptions socket = only(config);
        assertThat(socket.connectionLimits().maxConnectionsPerAddress()).isEqualTo(20_000);
        assertThat(socket.connectionLimits().idleTimeout()).isZero();
        assertThat(socket.stickyParams().maxTotalBytes()).isEqualTo(1024 * 1024);
        assertThat(socket.stickyParams().maxMessageIdLength()).isEqualTo(64);
        JstpOptions jstp = config.jstp().orElseThrow();
        assertThat(jstp.connectionLimits().maxConnections()).isZero();
        assertThat(jstp.connectionLimits().tlsHandshakeTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.admin().orElseThrow().requestTimeout()).isEqualTo(Duration.ofSeconds(5));

        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.jstp.max-connections-per-address", -1)))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.jstp.max-connections-per-address");
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.socket.tls-handshake-timeout", "0s")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls-handshake-timeout");
    }

    @Test
    void fileThenEnvironmentThenCommandLine() throws IOException {
        Path file = Files.writeString(dir.resolve("tether.conf"), """
                tether.socket { port = 6000, welcome = "from file", max-data-length = 100 }
                tether.actions.simultaneous = 7
                tether.socket.max-outbound-bytes = 2M
                tether.socket.max-json-tokens = 500
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
        assertThat(socket.maxOutboundBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(socket.maxJsonTokens()).isEqualTo(500);
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
    void tlsPortZeroPicksAFreePortForTheSecondListener() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        AppConfig config = map(null, Map.of(), Map.of("tether.socket.tls.cert", cert.toString(),
                "tether.socket.tls.key", key.toString(), "tether.socket.tls.port", 0));
        assertThat(config.socketListeners()).extracting(SocketOptions::name).containsExactly("socket", "socket-tls");
        assertThat(config.socketListeners().get(1).port()).isZero();
        assertThat(config.socketListeners().get(1).tls().enabled()).isTrue();
    }

    @Test
    void mutualTlsProtocolsAndReloadSettingsMapFromEnvironmentAndFile() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Path file = Files.writeString(dir.resolve("tether.conf"), """
                tether.jstp.tls { cert = "%s", key = "%s", client-auth = optional, client-ca = "%s",
                  client-principal = subject, protocols = "TLSv1.3", reload-check-interval = 0s }
                """.formatted(cert, key, ca));
        AppConfig config = map(file, Map.of("TETHER_SOCKET_TLS_CERT", cert.toString(),
                "TETHER_SOCKET_TLS_KEY", key.toString(), "TETHER_SOCKET_TLS_KEY_PASSWORD", "from-env",
                "TETHER_SOCKET_TLS_CLIENT_AUTH", "required", "TETHER_SOCKET_TLS_CLIENT_CA", ca.toString(),
                "TETHER_SOCKET_TLS_CIPHERS", "TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384"), Map.of());
        io.tether.server.tls.TlsOptions socket = only(config).tls();
        assertThat(socket.keyPassword()).isEqualTo("from-env");
        assertThat(socket.clientAuth()).isEqualTo(io.tether.server.tls.ClientAuth.REQUIRED);
        assertThat(socket.trustedCertificates()).isEqualTo(ca);
        assertThat(socket.clientPrincipal()).isEqualTo(io.tether.server.tls.ClientPrincipal.COMMON_NAME);
        assertThat(socket.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(socket.cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(socket.reloadCheckInterval()).isEqualTo(Duration.ofSeconds(10));
        io.tether.server.tls.TlsOptions jstp = config.jstp().orElseThrow().tls();
        assertThat(jstp.clientAuth()).isEqualTo(io.tether.server.tls.ClientAuth.OPTIONAL);
        assertThat(jstp.clientPrincipal()).isEqualTo(io.tether.server.tls.ClientPrincipal.SUBJECT);
        assertThat(jstp.protocols()).containsExactly("TLSv1.3");
        assertThat(jstp.reloadCheckInterval()).isZero();
        assertThat(jstp.keyPassword()).isNull();
    }

    @Test
    void inconsistentTlsSettingsNameTheKey() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        Map<String, Object> pem = Map.of("tether.socket.tls.cert", cert.toString(), "tether.socket.tls.key",
                key.toString());
        assertThatThrownBy(() -> map(null, Map.of(), with(pem, "tether.socket.tls.client-auth", "required")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls.client-ca");
        assertThatThrownBy(() -> map(null, Map.of(), with(pem, "tether.socket.tls.client-auth", "sometimes")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls.client-auth must be");
        assertThatThrownBy(() -> map(null, Map.of(), with(pem, "tether.socket.tls.client-principal", "email")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls.client-principal");
        assertThatThrownBy(() -> map(null, Map.of(), with(pem, "tether.socket.tls.protocols", "SSLv3")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls").hasMessageContaining("SSLv3");
        assertThatThrownBy(() -> map(null, Map.of(), with(pem, "tether.socket.tls.protocols", " ")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.socket.tls.protocols");
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.jstp.tls.client-auth", "required")))
                .isInstanceOf(TetherException.class).hasMessageContaining("need a server certificate");
        Path missingCa = dir.resolve("no-ca.pem");
        assertThatThrownBy(() -> map(null, Map.of(), with(with(pem, "tether.socket.tls.client-auth", "optional"),
                "tether.socket.tls.client-ca", missingCa.toString())))
                .isInstanceOf(TetherException.class).hasMessageContaining(missingCa.toString());
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(base);
        out.put(key, value);
        return out;
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

    private static JstpOptions jstp(AppConfig config) {
        assertThat(config.jstp()).as("JSTP listener configured").isPresent();
        return config.jstp().get();
    }

    @Test
    void jstpDefaultsFollowTheDesign() {
        AppConfig config = map(null, Map.of(), Map.of());
        JstpOptions jstp = jstp(config);
        assertThat(jstp.name()).isEqualTo("jstp");
        assertThat(jstp.host()).isEqualTo("0.0.0.0");
        assertThat(jstp.port()).isEqualTo(4000);
        assertThat(jstp.tls().enabled()).isFalse();
        assertThat(jstp.maxMessageBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(jstp.maxHandshakeBytes()).isEqualTo(16 * 1024);
        assertThat(jstp.mdsfLimits().maxElements()).isEqualTo(100_000);
        assertThat(jstp.mdsfLimits().maxNumberLength()).isEqualTo(1_000);
        assertThat(jstp.mdsfLimits().maxDepth()).isEqualTo(512);
        assertThat(jstp.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(jstp.heartbeatInterval()).isZero();
        assertThat(jstp.sessionExpiry()).isEqualTo(Duration.ofMinutes(10));
        assertThat(jstp.builtinApplication()).isEqualTo("tether");
        assertThat(jstp.actionsInterface()).isEqualTo("api");
        assertThat(jstp.chatInterface()).isEqualTo("chat");
        assertThat(jstp.applications()).as("no test app unless asked for").isEmpty();
        assertThat(jstp.authenticator().authenticate("login", List.of("user", "secret"))).isEmpty();
    }

    @Test
    void jstpSessionBoundsHaveSmallServerDefaultsAndKeys() {
        JstpOptions defaults = jstp(map(null, Map.of(), Map.of()));
        assertThat(defaults.maxDetachedSessions()).isEqualTo(10_000);
        assertThat(defaults.maxDetachedSessionsPerAddress()).isEqualTo(64);
        assertThat(defaults.sessionBufferBudgetBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(defaults.sessionLimits()).isEqualTo(
                io.tether.core.session.resume.SessionLimits.builder().maxEntries(1000).maxBytes(1024 * 1024).build());
        JstpOptions set = jstp(map(null, Map.of(), Map.of("tether.jstp.max-detached-sessions", "50",
                "tether.jstp.max-detached-sessions-per-address", "5", "tether.jstp.session-buffer-budget", "8M",
                "tether.jstp.session-max-buffered-messages", "10", "tether.jstp.session-max-buffered-bytes", "64K")));
        assertThat(set.maxDetachedSessions()).isEqualTo(50);
        assertThat(set.maxDetachedSessionsPerAddress()).isEqualTo(5);
        assertThat(set.sessionBufferBudgetBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(set.sessionLimits()).isEqualTo(
                io.tether.core.session.resume.SessionLimits.builder().maxEntries(10).maxBytes(64 * 1024).build());
    }

    @Test
    void jstpKeysFromFileEnvironmentAndCommandLine() throws IOException {
        Path file = Files.writeString(dir.resolve("tether.conf"), """
                tether.jstp { port = 4100, max-message-bytes = 1M, heartbeat-interval = 15s,
                  max-outbound-bytes = 2M, peer-call-timeout = 7s,
                  max-handshake-bytes = 4K, max-elements = 5000, max-number-length = 64,
                  actions-interface = actions, chat-interface = rooms, builtin-application = demo }
                """);
        Map<String, String> env = Map.of("TETHER_JSTP_PORT", "4200", "TETHER_JSTP_SESSION_EXPIRY", "1h",
                "TETHER_JSTP_HANDSHAKE_TIMEOUT", "500ms");
        JstpOptions jstp = jstp(map(file, env, Map.of("tether.jstp.host", "127.0.0.1")));
        assertThat(jstp.port()).isEqualTo(4200);
        assertThat(jstp.host()).isEqualTo("127.0.0.1");
        assertThat(jstp.maxMessageBytes()).isEqualTo(1024 * 1024);
        assertThat(jstp.maxHandshakeBytes()).isEqualTo(4 * 1024);
        assertThat(jstp.mdsfLimits().maxElements()).isEqualTo(5000);
        assertThat(jstp.mdsfLimits().maxNumberLength()).isEqualTo(64);
        assertThat(jstp.maxOutboundBytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(jstp.heartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(jstp.peerCallTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(jstp(map(null, Map.of(), Map.of())).peerCallTimeout()).as("default").isEqualTo(Duration.ofSeconds(30));
        assertThat(jstp.sessionExpiry()).isEqualTo(Duration.ofHours(1));
        assertThat(jstp.handshakeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(jstp.actionsInterface()).isEqualTo("actions");
        assertThat(jstp.chatInterface()).isEqualTo("rooms");
        assertThat(jstp.builtinApplication()).isEqualTo("demo");
        assertThat(jstp(map(null, Map.of("TETHER_JSTP_PORT", "4200"), Map.of("tether.jstp.port", 0))).port())
                .as("command line beats environment").isZero();
    }

    @Test
    void jstpLoginLimitsHaveDefaultsAndKeys() {
        assertThat(jstp(map(null, Map.of(), Map.of())).login()).isEqualTo(LoginLimits.defaults());
        LoginLimits login = jstp(map(null, Map.of("TETHER_JSTP_LOGIN_THREADS", "2"), Map.of(
                "tether.jstp.login.max-failures", 3, "tether.jstp.login.window", "1m",
                "tether.jstp.login.initial-delay", "2s", "tether.jstp.login.max-delay", "1h",
                "tether.jstp.login.max-tracked", 500, "tether.jstp.login.queue", 0))).login();
        assertThat(login).isEqualTo(LoginLimits.builder().maxFailures(3).window(Duration.ofMinutes(1))
                .initialDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofHours(1)).maxTracked(500).threads(2).queue(0)
                .build());
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.jstp.login.max-failures", 0)))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.jstp.login.max-failures");
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.jstp.login.max-delay", "100ms")))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.jstp.login.max-delay");
    }

    @Test
    void jstpCanBeTurnedOff() {
        assertThat(map(null, Map.of(), Map.of("tether.jstp.enabled", false)).jstp()).isEmpty();
        assertThat(map(null, Map.of("TETHER_JSTP_ENABLED", "false"), Map.of()).jstp()).isEmpty();
    }

    @Test
    void jstpTlsHasTheSocketShape() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        AppConfig config = map(null, Map.of("TETHER_JSTP_TLS_CERT", cert.toString(),
                "TETHER_JSTP_TLS_KEY", key.toString()), Map.of());
        assertThat(jstp(config).tls().enabled()).isTrue();
        assertThat(jstp(config).tls().certificateChain()).isEqualTo(cert);
        assertThat(only(config).tls().enabled()).as("socket TLS is separate").isFalse();
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.jstp.tls.cert", cert.toString())))
                .isInstanceOf(TetherException.class).hasMessageContaining("tether.jstp.tls.key");
    }

    @Test
    void badJstpValuesNameTheirKey() {
        Map<String, Object> bad = Map.of(
                "tether.jstp.port", 65536,
                "tether.jstp.handshake-timeout", "0s",
                "tether.jstp.heartbeat-interval", "-1s",
                "tether.jstp.peer-call-timeout", "0s",
                "tether.jstp.max-message-bytes", 10,
                "tether.jstp.max-handshake-bytes", 10,
                "tether.jstp.max-elements", 0,
                "tether.jstp.max-number-length", -1,
                "tether.jstp.max-outbound-bytes", 0,
                "tether.jstp.chat-interface", "api");
        bad.forEach((key, value) -> assertThatThrownBy(() -> map(null, Map.of(), Map.of(key, value)))
                .as(key).isInstanceOf(TetherException.class)
                .hasMessageContaining(key.substring(key.lastIndexOf('.') + 1)));
    }

    @Test
    void adminListenerIsOffUnlessAPortIsGiven() {
        assertThat(map(null, Map.of(), Map.of()).admin()).isEmpty();
        assertThat(map(null, Map.of("TETHER_ADMIN_PORT", "9090"), Map.of()).admin()).hasValueSatisfying(a -> {
            assertThat(a.host()).isEqualTo("127.0.0.1");
            assertThat(a.port()).isEqualTo(9090);
        });
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.admin.port", 70000)))
                .hasMessageContaining("tether.admin.port");
    }

    @Test
    void httpListenerIsOffUnlessEnabledAndMapsItsKeys() {
        assertThat(map(null, Map.of(), Map.of()).http()).isEmpty();
        AppConfig on = map(null, Map.of("TETHER_HTTP_ENABLED", "true"), Map.of("tether.http.port", 0,
                "tether.http.allowed-origins", java.util.List.of("https://app.example.com"),
                "tether.http.max-frame-bytes", "64KiB", "tether.http.ping-interval", "0s"));
        assertThat(on.http()).hasValueSatisfying(h -> {
            assertThat(h.jstpPath()).isEqualTo("/jstp");
            assertThat(h.options().port()).isZero();
            assertThat(h.options().allowedOrigins()).containsExactly("https://app.example.com");
            assertThat(h.options().maxFrameBytes()).isEqualTo(64 * 1024);
            assertThat(h.options().maxMessageBytes()).isEqualTo(8 * 1024 * 1024);
            assertThat(h.options().pingInterval()).isZero();
            assertThat(h.options().tls().enabled()).isFalse();
        });
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.http.enabled", true, "tether.http.jstp-path", "jstp")))
                .hasMessageContaining("tether.http.jstp-path");
        assertThatThrownBy(() -> map(null, Map.of(), Map.of("tether.http.enabled", true,
                "tether.http.max-frame-bytes", "16MiB"))).hasMessageContaining("maxMessageBytes");
    }
}
