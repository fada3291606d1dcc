package io.tether.testkit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/**
 * A self-signed certificate for {@code localhost}/{@code 127.0.0.1} written to temporary
 * files: PEM certificate, PEM PKCS#8 key and a PKCS#12 keystore, plus a trust store that
 * trusts it. Generate one per test class; the files live in {@code directory}.
 *
 * @param directory       where the files were written
 * @param certificatePem  PEM certificate chain
 * @param privateKeyPem   PEM PKCS#8 private key (unencrypted)
 * @param pkcs12          PKCS#12 keystore with the key and certificate
 * @param pkcs12Password  the keystore password
 * @param certificate     the certificate
 */
public record TestCertificates(Path directory, Path certificatePem, Path privateKeyPem, Path pkcs12,
                               String pkcs12Password, X509Certificate certificate) {

    /** Generates a fresh certificate and writes its files under {@code directory}. */
    public static TestCertificates generate(Path directory) {
        try {
            X509Bundle bundle = new CertificateBuilder()
                    .subject("CN=localhost")
                    .addSanDnsName("localhost")
                    .addSanIpAddress("127.0.0.1")
                    .setIsCertificateAuthority(true)
                    .ecp256()
                    .buildSelfSigned();
            Files.createDirectories(directory);
            Path cert = Files.writeString(directory.resolve("cert.pem"), bundle.getCertificatePathPEM(),
                    StandardCharsets.US_ASCII);
            Path key = Files.writeString(directory.resolve("key.pem"), bundle.getPrivateKeyPEM(),
                    StandardCharsets.US_ASCII);
            String password = "changeit";
            Path p12 = directory.resolve("server.p12");
            KeyStore ks = bundle.toKeyStore("PKCS12", password.toCharArray());
            try (OutputStream out = Files.newOutputStream(p12)) {
                ks.store(out, password.toCharArray());
            }
            return new TestCertificates(directory, cert, key, p12, password, bundle.getCertificate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate a test certificate", e);
        }
    }

    /** Generates into a new temporary directory. */
    public static TestCertificates generate() {
        try {
            return generate(Files.createTempDirectory("tether-certs"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A trust store that trusts exactly this certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("tether-test", certificate);
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
