package io.tether.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.Action;
import io.tether.api.Principal;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.server.tls.ClientAuth;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java clients with a client certificate against listeners that require one (mutual TLS). */
class MutualTlsIT {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued alice;
    static TetherServer server;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir);
        TestPki.Issued cert = pki.server("server");
        alice = pki.client("alice");
        TlsOptions mtls = TlsOptions.pem(cert.certificatePem(), cert.privateKeyPem()).toBuilder()
                .clientAuth(ClientAuth.REQUIRED).trustedCertificates(pki.caPem()).build();
        Action whoami = Action.named("whoami").handler(ctx -> Map.of("principal",
                ctx.session().principal().map(Principal::name).orElse("anonymous"))).build();
        TetherCore core = TetherCore.builder().action(whoami).build();
        server = TetherServer.builder(core)
                .protocol(new SocketProtocolServer(core, SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                        .tls(mtls).build()))
                .protocol(new JstpProtocolServer(core, JstpOptions.defaults().toBuilder().host("127.0.0.1").port(0)
                        .tls(mtls).build()))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ClientTlsOptions trust() {
        return ClientTlsOptions.pemCa(pki.caPem());
    }

    private static SocketClientOptions socket(ClientTlsOptions tls) {
        return SocketClientOptions.builder().host("localhost").port(server.port("socket")).tls(tls)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    private static JstpClientOptions jstp(ClientTlsOptions tls) {
        return JstpClientOptions.builder().host("localhost").port(server.port("jstp")).tls(tls)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void theSocketClientWithACertificateIsAcceptedAndNamedByIt() {
        try (SocketClient c = SocketClient.connect(socket(trust().withClientCertificate(alice.certificatePem(),
                alice.privateKeyPem())))) {
            assertThat(c.action("whoami").join().get("principal")).isEqualTo("alice");
        }
    }

    @Test
    void theJstpClientWithAnEncryptedKeyIsAcceptedAndNamedByIt() {
        ClientTlsOptions tls = trust().withClientCertificate(alice.certificatePem(),
                alice.encryptedKeyPem("client-pass"), "client-pass").withProtocols("TLSv1.3");
        try (JstpClient c = JstpClient.connect(jstp(tls), "tether")) {
            assertThat(c.callMethod("api", "whoami").join()).isEqualTo(List.of(Map.of("principal", "alice")));
        }
    }

    @Test
    void clientsWithoutACertificateAreRefused() {
        assertThatThrownBy(() -> {
            try (SocketClient c = SocketClient.connect(socket(trust()))) {
                c.action("whoami").get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        }).isNotNull();
        assertThatThrownBy(() -> {
            try (JstpClient c = JstpClient.connect(jstp(trust()), "tether")) {
                c.callMethod("api", "whoami").get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        }).isNotNull();
    }

    @Test
    void aWrongClientKeyPasswordFailsClearly() {
        ClientTlsOptions tls = trust().withClientCertificate(alice.certificatePem(),
                alice.encryptedKeyPem("client-pass"), "not-it");
        assertThatThrownBy(tls::newContext).isInstanceOf(ClientException.class)
                .hasMessageContaining("cannot build the TLS context");
    }
}
