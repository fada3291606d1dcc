package io.tether.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for a client connection. There is deliberately no trust-everything mode: trust comes
 * from a PEM CA file, a {@link KeyStore} trust store, or the JVM's default trust store.
 * The server's host name is verified unless {@link #withoutHostnameVerification()} is used.
 *
 * <pre>{@code
 * ClientTlsOptions tls = ClientTlsOptions.pemCa(Path.of("ca.pem"));
 * }</pre>
 */
public final class ClientTlsOptions {
    private final Path pemCa;
    private final KeyStore trustStore;
    private final boolean verifyHostname;

    private ClientTlsOptions(Path pemCa, KeyStore trustStore, boolean verifyHostname) {
        this.pemCa = pemCa;
        this.trustStore = trustStore;
        this.verifyHostname = verifyHostname;
    }

    /** Trust the CA certificates of a PEM file. */
    public static ClientTlsOptions pemCa(Path caCertificates) {
        return new ClientTlsOptions(Objects.requireNonNull(caCertificates), null, true);
    }

    /** Trust the certificate entries of a key store. */
    public static ClientTlsOptions trustStore(KeyStore trustStore) {
        return new ClientTlsOptions(null, Objects.requireNonNull(trustStore), true);
    }

    /** Trust what the JVM trusts by default (cacerts). */
    public static ClientTlsOptions systemDefault() {
        return new ClientTlsOptions(null, null, true);
    }

    /** The same trust without checking that the certificate names the host connected to. */
    public ClientTlsOptions withoutHostnameVerification() {
        return new ClientTlsOptions(pemCa, trustStore, false);
    }

    /** Whether the certificate's names are checked against the host. */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** Builds the Netty client context. */
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
            b.endpointIdentificationAlgorithm(verifyHostname ? "HTTPS" : null);
            return b.build();
        } catch (SSLException | java.security.GeneralSecurityException e) {
            throw new ClientException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }
}
