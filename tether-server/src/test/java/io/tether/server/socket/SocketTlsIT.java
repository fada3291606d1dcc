package io.tether.server.socket;

import static io.tether.server.socket.SocketServerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.tether.api.TetherException;
import io.tether.core.TetherCore;
import io.tether.server.TetherServer;
import io.tether.server.tls.TlsContextFactory;
import io.tether.server.tls.TlsOptions;
import io.tether.testkit.LineClient;
import io.tether.testkit.TestCertificates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketTlsIT {
    @TempDir
    static Path temp;
    static TestCertificates certs;

    @BeforeAll
    static void generate() {
        certs = TestCertificates.generate(temp.resolve("certs"));
    }

    private static void assertSessionWorks(SocketServerFixture fx) {
        try (LineClient c = LineClient.connectTls("127.0.0.1", fx.port(), certs.trustStore())) {
            assertThat(c.readLine(WAIT)).isEqualTo("{\"welcome\":\"" + SocketServerFixture.WELCOME
                    + "\",\"context\":\"api\"}");
            c.send("detailsView");
            assertThat(c.readMap(WAIT)).containsEntry("status", "OK").containsKey("data");
            c.send("exit");
            assertThat(c.readLine(WAIT)).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
            assertThat(c.awaitClosed(WAIT)).isTrue();
        }
    }

    @Test
    void pemCertificateServesTheSameProtocol() {
        try (SocketServerFixture fx = SocketServerFixture.start(
                b -> b.tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem())))) {
            assertSessionWorks(fx);
        }
    }

    @Test
    void tlsRunsOnTheShippedBoringSslWhereItLoads() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean shipped = os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        assertThat(TlsContextFactory.engine()).isEqualTo(shipped ? "BoringSSL" : "JDK");
        SslContext context = TlsContextFactory.serverContext(TlsOptions.pem(certs.certificatePem(),
                certs.privateKeyPem()));
        assertThat(context instanceof OpenSslContext).isEqualTo(shipped);
        ReferenceCountUtil.release(context);
    }

    @Test
    void pkcs12KeystoreServesTheSameProtocol() {
        try (SocketServerFixture fx = SocketServerFixture.start(
                b -> b.tls(TlsOptions.pkcs12(certs.pkcs12(), certs.pkcs12Password())))) {
            assertSessionWorks(fx);
        }
    }

    @Test
    void plainClientOnTheTlsPortDoesNotHurtTheServer() {
        try (SocketServerFixture fx = SocketServerFixture.start(
                b -> b.tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem())))) {
            LineClient plain = fx.rawClient();
            plain.send("detailsView");
            assertThat(plain.awaitClosed(WAIT)).isTrue();
            assertSessionWorks(fx);
        }
    }

    @Test
    void missingOrGarbageCertificateFailsAtStartupNamingTheFile() throws Exception {
        Path missing = temp.resolve("nope.pem");
        Path garbage = Files.writeString(temp.resolve("garbage.pem"), "not a certificate");
        try (TetherCore core = TetherCore.builder().build()) {
            SocketOptions base = SocketOptions.defaults().toBuilder().port(0).build();
            assertThatThrownBy(() -> new SocketProtocolServer(core,
                    base.toBuilder().tls(TlsOptions.pem(missing, certs.privateKeyPem())).build()))
                    .isInstanceOf(TetherException.class).hasMessageContaining(missing.toString());
            assertThatThrownBy(() -> new SocketProtocolServer(core,
                    base.toBuilder().tls(TlsOptions.pem(garbage, certs.privateKeyPem())).build()))
                    .isInstanceOf(TetherException.class).hasMessageContaining(garbage.toString());
            assertThatThrownBy(() -> new SocketProtocolServer(core,
                    base.toBuilder().tls(TlsOptions.pkcs12(garbage, "x")).build()))
                    .isInstanceOf(TetherException.class).hasMessageContaining(garbage.toString());
        }
    }

    @Test
    void opensslClientGetsWelcomeAndDetails() throws Exception {
        try (SocketServerFixture fx = SocketServerFixture.start(
                b -> b.tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem())))) {
            Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + fx.port(), "-quiet")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).isEqualTo("{\"welcome\":\"" + SocketServerFixture.WELCOME
                        + "\",\"context\":\"api\"}");
                OutputStream in = p.getOutputStream();
                in.write("detailsView\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                String details = out.readLine();
                assertThat(details).startsWith("{\"status\":\"OK\",\"context\":\"response\",\"data\":{\"id\":");
                in.write("quit\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                assertThat(out.readLine()).isEqualTo("{\"status\":\"Bye\",\"context\":\"api\"}");
                assertThat(out.readLine()).as("server closed").isNull();
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void tlsAndPlainListenersSideBySide() {
        TetherCore core = TetherCore.builder().action(TestActions.all()).build();
        SocketOptions plain = SocketOptions.defaults().toBuilder().host("127.0.0.1").port(0).build();
        SocketOptions tls = plain.toBuilder().name("socket-tls")
                .tls(TlsOptions.pem(certs.certificatePem(), certs.privateKeyPem())).build();
        try (TetherServer server = TetherServer.builder(core).protocol(new SocketProtocolServer(core, plain))
                .protocol(new SocketProtocolServer(core, tls)).build().start();
             LineClient a = LineClient.connect("127.0.0.1", server.port("socket"));
             LineClient b = LineClient.connectTls("127.0.0.1", server.port("socket-tls"), certs.trustStore())) {
            Map<String, Object> wa = a.readMap(WAIT);
            Map<String, Object> wb = b.readMap(WAIT);
            assertThat(wa).isEqualTo(wb).containsEntry("context", "api");
        }
    }
}
