package io.tether.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a client connection. There is deliberately no trust-everything mode: trust comes
 * from a PEM CA file, a {@link KeyStore} trust store, or the JVM's default trust store.
 * The server's host name is verified unless {@link #withoutHostnameVerification()} is used.
 * A client certificate (for servers that ask for one: mutual TLS) comes from PEM files, the
 * key optionally encrypted; the protocol versions can be restricted. Immutable: the
 * {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * ClientTlsOptions tls = ClientTlsOptions.pemCa(Path.of("ca.pem"))
 *         .withClientCertificate(Path.of("alice.pem"), Path.of("alice.key"));
 * }</pre>
 */
public final class ClientTlsOptions {
    private final Path pemCa;
    private final KeyStore trustStore;
    private final boolean verifyHostname;
    private final Path certificateChain;
    private final Path privateKey;
    private final String keyPassword;
    private final List<String> protocols;

    private ClientTlsOptions(Path pemCa, KeyStore trustStore, boolean verifyHostname, Path certificateChain,
                             Path privateKey, String keyPassword, List<String> protocols) {
        this.pemCa = pemCa;
        this.trustStore = trustStore;
        this.verifyHostname = verifyHostname;
        this.certificateChain = certificateChain;
        this.privateKey = privateKey;
        this.keyPassword = keyPassword;
        this.protocols = protocols;
    }

    /** Trust the CA certificates of a PEM file. */
    public static ClientTlsOptions pemCa(Path caCertificates) {
        return new ClientTlsOptions(Objects.requireNonNull(caCertificates), null, true, null, null, null, List.of());
    }

    /** Trust the certificate entries of a key store. */
    public static ClientTlsOptions trustStore(KeyStore trustStore) {
        return new ClientTlsOptions(null, Objects.requireNonNull(trustStore), true, null, null, null, List.of());
    }

    /** Trust what the JVM trusts by default (cacerts). */
    public static ClientTlsOptions systemDefault() {
        return new ClientTlsOptions(null, null, true, null, null, null, List.of());
    }

    /** The same trust without checking that the certificate names the host connected to. */
    public ClientTlsOptions withoutHostnameVerification() {
        return new ClientTlsOptions(pemCa, trustStore, false, certificateChain, privateKey, keyPassword, protocols);
    }

    /**
     * Presents this client certificate when the server asks for one: a PEM certificate chain
     * (client certificate first) and its unencrypted PEM PKCS#8 key.
     */
    public ClientTlsOptions withClientCertificate(Path certificateChain, Path privateKey) {
        return withClientCertificate(certificateChain, privateKey, null);
    }

    /**
     * Presents this client certificate when the server asks for one; {@code keyPassword}
     * decrypts an {@code ENCRYPTED PRIVATE KEY} PEM (null: the key is not encrypted).
     */
    public ClientTlsOptions withClientCertificate(Path certificateChain, Path privateKey, String keyPassword) {
        return new ClientTlsOptions(pemCa, trustStore, verifyHostname, Objects.requireNonNull(certificateChain),
                Objects.requireNonNull(privateKey), keyPassword, protocols);
    }

    /** Enables only these protocol versions, e.g. {@code "TLSv1.3"} (default: the TLS engine's). */
    public ClientTlsOptions withProtocols(String... versions) {
        return new ClientTlsOptions(pemCa, trustStore, verifyHostname, certificateChain, privateKey, keyPassword,
                List.of(versions));
    }

    /** Whether the certificate's names are checked against the host. */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** Whether a client certificate is configured. */
    public boolean hasClientCertificate() {
        return certificateChain != null;
    }

    /** Builds the Netty client context (reads the files). */
    public SslContext newContext() {
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (pemCa != null) {
                b.trustManager(pemCa.toFile());
            } else if (trustStore != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore);
                b.trustManager(tmf);
            }
            if (certificateChain != null) {
                b.keyManager(certificateChain.toFile(), privateKey.toFile(), keyPassword);
            }
            if (!protocols.isEmpty()) {
                b.protocols(protocols);
            }
            b.endpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
            return b.build();
        } catch (SSLException | java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new ClientException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
