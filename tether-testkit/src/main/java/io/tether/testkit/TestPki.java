package io.tether.testkit;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A test certificate authority writing PEM files under one directory: the CA certificate
 * ({@link #caPem()}, the bundle servers and clients trust), server certificates for
 * {@code localhost}/{@code 127.0.0.1} and client certificates with a given common name, each
 * with a PEM PKCS#8 key that {@link Issued#encryptedKeyPem(String)} can also write encrypted
 * (PBES2, PBKDF2-HMAC-SHA256 + AES-256-CBC, what {@code openssl pkcs8 -topk8 -v2 aes-256-cbc}
 * writes). Every certificate gets a new serial number. One per test class.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(tempDir);
 * TestPki.Issued server = pki.server("server");
 * TestPki.Issued alice = pki.client("alice");
 * }</pre>
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final X509Bundle ca;
    private final Path caPem;
    private final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

    private TestPki(Path directory, X509Bundle ca, Path caPem) {
        this.directory = directory;
        this.ca = ca;
        this.caPem = caPem;
    }

    /** A new CA named {@code CN=Tether Test CA}, its certificate written to {@code directory/ca.pem}. */
    public static TestPki create(Path directory) {
        try {
            Files.createDirectories(directory);
            X509Bundle ca = new CertificateBuilder().subject("CN=Tether Test CA").setIsCertificateAuthority(true)
                    .ecp256().buildSelfSigned();
            Path pem = Files.writeString(directory.resolve("ca.pem"), ca.getCertificatePEM(), StandardCharsets.US_ASCII);
            return new TestPki(directory, ca, pem);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test CA", e);
        }
    }

    /** The CA certificate as a PEM file (the trust bundle). */
    public Path caPem() {
        return caPem;
    }

    /** The CA certificate. */
    public X509Certificate caCertificate() {
        return ca.getCertificate();
    }

    /** A server certificate for localhost and 127.0.0.1, written as {@code name.pem} and {@code name.key}. */
    public Issued server(String name) {
        return issue(name, new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .addSanIpAddress("127.0.0.1").addExtendedKeyUsageServerAuth());
    }

    /** A client certificate with subject {@code CN=commonName,O=Tether Tests}, written as {@code commonName.pem/.key}. */
    public Issued client(String commonName) {
        return issue(commonName, new CertificateBuilder().subject("CN=" + commonName + ",O=Tether Tests")
                .addExtendedKeyUsageClientAuth());
    }

    private Issued issue(String name, CertificateBuilder builder) {
        try {
            X509Bundle leaf = builder.serial(BigInteger.valueOf(serials.incrementAndGet())).ecp256().buildIssuedBy(ca);
            Path cert = Files.writeString(directory.resolve(name + ".pem"), leaf.getCertificatePEM(),
                    StandardCharsets.US_ASCII);
            Path key = Files.writeString(directory.resolve(name + ".key"), leaf.getPrivateKeyPEM(),
                    StandardCharsets.US_ASCII);
            return new Issued(cert, key, leaf.getCertificate(), leaf.getKeyPair().getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate " + name, e);
        }
    }

    /**
     * A JDK TLS context that trusts this CA and presents {@code client}'s certificate when the
     * server asks for one ({@code null}: no client certificate).
     */
    public javax.net.ssl.SSLContext clientContext(Issued client) {
        try {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca.getCertificate());
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.KeyManager[] keys = null;
            if (client != null) {
                char[] pw = "test".toCharArray();
                java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", client.privateKey(), pw,
                        new java.security.cert.Certificate[] {client.certificate(), ca.getCertificate()});
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                keys = kmf.getKeyManagers();
            }
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(keys, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a client TLS context", e);
        }
    }

    /**
     * A certificate the CA issued and its files.
     *
     * @param certificatePem the PEM certificate (the leaf only; the CA is {@link #caPem()})
     * @param privateKeyPem  the PEM PKCS#8 key, unencrypted
     * @param certificate    the certificate
     * @param privateKey     its key
     */
    public record Issued(Path certificatePem, Path privateKeyPem, X509Certificate certificate, PrivateKey privateKey) {
        /** The serial number. */
        public BigInteger serial() {
            return certificate.getSerialNumber();
        }

        /** Writes the key encrypted with {@code password} beside the plain one ({@code .enc.key}); returns its path. */
        public Path encryptedKeyPem(String password) {
            Path file = privateKeyPem.resolveSibling(privateKeyPem.getFileName().toString()
                    .replaceFirst("\\.key$", "") + ".enc.key");
            try {
                return Files.writeString(file, encryptedPem(privateKey, password), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Copies the certificate and key over {@code cert} and {@code key} (replacing them), e.g. to rotate a served certificate. */
        public void copyTo(Path cert, Path key) {
            try {
                Files.copy(certificatePem, cert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(privateKeyPem, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** {@code key} as an {@code ENCRYPTED PRIVATE KEY} PEM (PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC). */
    public static String encryptedPem(PrivateKey key, String password) {
        try {
            String algorithm = "PBEWithHmacSHA256AndAES_256";
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            RANDOM.nextBytes(salt);
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE,
                    SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                    new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
            // the same parameters under the PBES2 name, which EncryptedPrivateKeyInfo can encode
            AlgorithmParameters params = AlgorithmParameters.getInstance("PBES2");
            params.init(cipher.getParameters().getEncoded());
            byte[] der = new EncryptedPrivateKeyInfo(params, cipher.doFinal(key.getEncoded())).getEncoded();
            return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt a test key", e);
        }
    }
}
