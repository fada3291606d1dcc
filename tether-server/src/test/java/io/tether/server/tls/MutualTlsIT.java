package io.tether.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tether.api.Action;
import io.tether.api.Principal;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import io.tether.testkit.LineClient;
import io.tether.testkit.TestPki;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client certificates on a socket listener, with {@code openssl s_client} and the JDK's TLS
 * client: required and optional mode, the principal an action sees, restricted protocols.
 */
class MutualTlsIT {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static java.nio.file.Path dir;
    static TestPki pki;
    static TestPki other;
    static TestPki.Issued server;
    static TestPki.Issued alice;
    static TestPki.Issued mallory;

    @BeforeAll
    static void issue() {
        pki = TestPki.create(dir.resolve("pki"));
        other = TestPki.create(dir.resolve("other"));
        server = pki.server("server");
        alice = pki.client("alice");
        mallory = other.client("mallory");
    }

    /** A whoami action: the principal's name (or null) and its attributes. */
    static Action whoami() {
        return Action.named("whoami").handler(ctx -> {
            Map<String, Object> out = new LinkedHashMap<>();
            Principal p = ctx.session().principal().orElse(null);
            out.put("principal", p == null ? null : p.name());
            out.put("attributes", p == null ? Map.of() : p.attributes());
            return out;
        }).build();
    }

    static TlsOptions.Builder tls(ClientAuth auth) {
        return TlsOptions.pem(server.certificatePem(), server.privateKeyPem()).toBuilder()
                .clientAuth(auth).trustedCertificates(pki.caPem());
    }

    static TetherServer start(TlsOptions tls) {
        return start(tls, UnaryOperator.identity());
    }

    static TetherServer start(TlsOptions tls, UnaryOperator<SocketOptions.Builder> more) {
        TetherCore core = TetherCore.builder().action(whoami()).build();
        SocketOptions options = more.apply(SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).tls(tls))
                .build();
        return TetherServer.builder(core).protocol(new SocketProtocolServer(core, options)).build().start();
    }

    @Test
    void requiredRefusesOpensslWithoutACertificateAndAcceptsOneWithItsPrincipal() throws Exception {
        try (TetherServer s = start(tls(ClientAuth.REQUIRED).build())) {
            int port = s.port("socket");
            try (OpensslClient anonymous = OpensslClient.connect(port, pki.caPem())) {
                assertThat(anonymous.readLine(WAIT)).as("no welcome without a certificate").isNull();
                assertThat(anonymous.exitedWithin(WAIT)).isTrue();
            }
            try (OpensslClient stranger = OpensslClient.connect(port, pki.caPem(), "-cert",
                    mallory.certificatePem().toString(), "-key", mallory.privateKeyPem().toString())) {
                assertThat(stranger.readLine(WAIT)).as("a certificate of another CA is refused").isNull();
            }
            try (OpensslClient c = OpensslClient.connect(port, pki.caPem(), "-cert", alice.certificatePem().toString(),
                    "-key", alice.privateKeyPem().toString())) {
                assertThat(c.readLine(WAIT)).contains("\"welcome\"");
                c.send("whoami");
                String reply = c.readLine(WAIT);
                assertThat(reply).contains("\"principal\":\"alice\"")
                        .contains("\"subject\":\"CN=alice,O=Tether Tests\"")
                        .contains("\"serial\":\"" + alice.serial().toString(16) + "\"")
                        .contains("\"source\":\"tls-client-certificate\"");
            }
        }
    }

    @Test
    void requiredRefusesTheJdkClientWithoutACertificate() {
        try (TetherServer s = start(tls(ClientAuth.REQUIRED).build())) {
            assertRefused(() -> {
                try (LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(null))) {
                    return c.readLine(WAIT);
                }
            });
            try (LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(alice))) {
                c.readLine(WAIT);
                c.send("whoami");
                assertThat(c.readMap(WAIT)).containsEntry("principal", "alice");
            }
        }
    }

    /** A TLS 1.3 client learns of its refusal after its handshake: as an exception or as the end of the stream. */
    private static void assertRefused(java.util.concurrent.Callable<String> firstLine) {
        String line;
        try {
            line = firstLine.call();
        } catch (Exception e) {
            return;
        }
        assertThat(line).as("refused: no welcome").isNull();
    }

    @Test
    void optionalAcceptsBothAndOnlyTheCertificateNamesTheSession() {
        try (TetherServer s = start(tls(ClientAuth.OPTIONAL).build())) {
            int port = s.port("socket");
            try (LineClient c = LineClient.connectTls("127.0.0.1", port, pki.clientContext(null))) {
                assertThat(c.readLine(WAIT)).contains("welcome");
                c.send("whoami");
                assertThat(c.readMap(WAIT)).containsEntry("principal", null);
            }
            try (LineClient c = LineClient.connectTls("127.0.0.1", port, pki.clientContext(alice))) {
                assertThat(c.readLine(WAIT)).contains("welcome");
                c.send("whoami");
                assertThat(c.readMap(WAIT)).containsEntry("principal", "alice");
            }
            assertRefused(() -> {
                try (LineClient c = LineClient.connectTls("127.0.0.1", port, other.clientContext(mallory))) {
                    return c.readLine(WAIT);
                }
            });
        }
    }

    @Test
    void theSubjectMappingAndNoneMapping() {
        try (TetherServer s = start(tls(ClientAuth.REQUIRED).clientPrincipal(ClientPrincipal.SUBJECT).build());
             LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(alice))) {
            c.readLine(WAIT);
            c.send("whoami");
            assertThat(c.readMap(WAIT)).containsEntry("principal", "CN=alice,O=Tether Tests");
        }
        try (TetherServer s = start(tls(ClientAuth.REQUIRED).clientPrincipal(ClientPrincipal.NONE).build());
             LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(alice))) {
            c.readLine(WAIT);
            c.send("whoami");
            assertThat(c.readMap(WAIT)).containsEntry("principal", null);
        }
    }

    @Test
    void tls13OnlyRefusesATls12Client() throws Exception {
        TlsOptions only13 = TlsOptions.pem(server.certificatePem(), server.privateKeyPem()).toBuilder()
                .protocols(List.of("TLSv1.3")).build();
        try (TetherServer s = start(only13)) {
            int port = s.port("socket");
            try (OpensslClient old = OpensslClient.connect(port, pki.caPem(), "-tls1_2")) {
                assertThat(old.readLine(WAIT)).as("TLSv1.2 refused").isNull();
            }
            assertThatThrownBy(() -> LineClient.connectTls("127.0.0.1", port, pki.clientContext(null), "TLSv1.2"))
                    .hasMessageContaining("cannot connect with TLS");
            try (OpensslClient current = OpensslClient.connect(port, pki.caPem(), "-tls1_3")) {
                assertThat(current.readLine(WAIT)).contains("\"welcome\"");
            }
            try (LineClient c = LineClient.connectTls("127.0.0.1", port, pki.clientContext(null), "TLSv1.3")) {
                assertThat(c.readLine(WAIT)).contains("welcome");
                assertThat(c.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
            }
        }
        TlsOptions only12 = only13.toBuilder().protocols(List.of("TLSv1.2")).build();
        try (TetherServer s = start(only12);
             LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(null))) {
            assertThat(c.readLine(WAIT)).contains("welcome");
            assertThat(c.tlsSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void anEncryptedKeyServesWithItsPassword() {
        TlsOptions encrypted = TlsOptions.pem(server.certificatePem(), server.encryptedKeyPem("k3y-pass")).toBuilder()
                .keyPassword("k3y-pass").build();
        try (TetherServer s = start(encrypted);
             LineClient c = LineClient.connectTls("127.0.0.1", s.port("socket"), pki.clientContext(null))) {
            assertThat(c.readLine(WAIT)).contains("welcome");
        }
        try (TetherCore core = TetherCore.builder().build()) {
            SocketOptions wrong = SocketOptions.defaults().toBuilder().port(0)
                    .tls(encrypted.toBuilder().keyPassword("nope").build()).build();
            assertThatThrownBy(() -> new SocketProtocolServer(core, wrong))
                    .hasMessageContaining("cannot decrypt the TLS private key").hasMessageContaining("wrong password?");
        }
    }
}
