package io.tether.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup validation of TLS settings: every mistake fails with CONFIGURATION_ERROR and a message naming it. */
class TlsContextFactoryTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued server;

    @BeforeAll
    static void issue() {
        pki = TestPki.create(dir);
        server = pki.server("server");
    }

    private static TlsOptions.Builder pem() {
        return TlsOptions.pem(server.certificatePem(), server.privateKeyPem()).toBuilder();
    }

    private static void assertBuilds(TlsOptions options) {
        SslContext context = TlsContextFactory.serverContext(options);
        assertThat(context).isNotNull();
        assertThat(context.isServer()).isTrue();
        ReferenceCountUtil.release(context);
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ?> assertFails(TlsOptions options) {
        return assertThatThrownBy(() -> TlsContextFactory.serverContext(options))
                .isInstanceOfSatisfying(TetherException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIGURATION_ERROR));
    }

    @Test
    void disabledMakesNoContext() {
        assertThat(TlsContextFactory.serverContext(TlsOptions.disabled())).isNull();
    }

    @Test
    void anEncryptedKeyLoadsWithItsPasswordOnly() {
        Path encrypted = server.encryptedKeyPem("s3cret");
        assertThat(Files.exists(encrypted)).isTrue();
        assertBuilds(pem().privateKey(encrypted).keyPassword("s3cret").build());
        assertFails(pem().privateKey(encrypted).keyPassword("wrong").build())
                .hasMessageContaining("cannot decrypt the TLS private key " + encrypted)
                .hasMessageContaining("wrong password?");
        assertFails(pem().privateKey(encrypted).build())
                .hasMessageContaining(encrypted + " is encrypted").hasMessageContaining("no key password");
        assertFails(pem().keyPassword("s3cret").build())
                .hasMessageContaining("is not encrypted").hasMessageContaining(server.privateKeyPem().toString());
    }

    @Test
    void anOpensslEncryptedKeyLoads() throws Exception {
        Path out = dir.resolve("openssl.enc.key");
        Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
                server.privateKeyPem().toString(), "-out", out.toString(), "-passout", "pass:from-openssl")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        assertBuilds(pem().privateKey(out).keyPassword("from-openssl").build());
    }

    @Test
    void aTraditionalOpensslKeyIsNamedWithTheFix() throws Exception {
        Path traditional = Files.writeString(dir.resolve("rsa.key"),
                "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertFails(pem().privateKey(traditional).build()).hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void clientCertificatesNeedAReadableCaBundle() throws Exception {
        assertBuilds(pem().clientAuth(ClientAuth.REQUIRED).trustedCertificates(pki.caPem()).build());
        assertBuilds(pem().clientAuth(ClientAuth.OPTIONAL).trustedCertificates(pki.caPem()).build());
        Path missing = dir.resolve("no-ca.pem");
        assertFails(pem().clientAuth(ClientAuth.REQUIRED).trustedCertificates(missing).build())
                .hasMessageContaining("client CA file " + missing);
        Path empty = Files.writeString(dir.resolve("empty-ca.pem"), "# nothing here\n");
        assertFails(pem().clientAuth(ClientAuth.REQUIRED).trustedCertificates(empty).build())
                .hasMessageContaining(empty.toString());
    }

    @Test
    void protocolsAndCipherSuitesTheEngineLacksAreNamed() {
        assertBuilds(pem().protocols(List.of("TLSv1.3")).build());
        assertBuilds(pem().protocols(List.of("TLSv1.3")).cipherSuites(List.of("TLS_AES_256_GCM_SHA384")).build());
        assertBuilds(pem().protocols(List.of("TLSv1.2"))
                .cipherSuites(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).build());
        assertFails(pem().protocols(List.of("TLSv1.2")).cipherSuites(List.of("TLS_NO_SUCH_SUITE")).build())
                .hasMessageContaining("TLS_NO_SUCH_SUITE").hasMessageContaining("not supported");
    }

    @Test
    void aKeyOfAnotherCertificateIsNamed() {
        TestPki.Issued other = pki.server("other");
        assertFails(TlsOptions.pem(server.certificatePem(), other.privateKeyPem()))
                .hasMessageContaining(other.privateKeyPem() + " does not belong to the certificate "
                        + server.certificatePem());
    }

    @Test
    void aGarbageCertificateIsNamed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
        assertFails(TlsOptions.pem(garbage, server.privateKeyPem())).hasMessageContaining(garbage.toString());
    }
}
