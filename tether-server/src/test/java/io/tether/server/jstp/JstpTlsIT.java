package io.tether.server.jstp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import io.tether.server.tls.TlsOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSTP over TLS: same framing inside the TLS session. */
class JstpTlsIT {
    @TempDir
    Path dir;

    @Test
    void handshakeAndCallOverTls() throws Exception {
        X509Bundle bundle = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1").setIsCertificateAuthority(true).ecp256().buildSelfSigned();
        Path cert = Files.writeString(dir.resolve("cert.pem"), bundle.getCertificatePathPEM(), StandardCharsets.US_ASCII);
        Path key = Files.writeString(dir.resolve("key.pem"), bundle.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
        try (JstpTestServer server = new JstpTestServer(b -> b.tls(TlsOptions.pem(cert, key)))) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("test", bundle.getCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("127.0.0.1", server.port());
            socket.startHandshake();
            try (JstpTestClient c = new JstpTestClient(socket)) {
                c.handshake("testApp");
                assertThat(c.request("{call:[1,'calculator'],answer:[]}")).isEqualTo("{callback:[1],ok:[42]}");
            }
        }
    }
}
