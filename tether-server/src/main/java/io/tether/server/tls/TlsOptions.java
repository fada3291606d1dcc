package io.tether.server.tls;

import java.nio.file.Path;

/**
 * TLS settings of a listener: off, PEM certificate chain + private key, or a PKCS#12
 * keystore. Immutable.
 *
 * @param enabled          whether the listener speaks TLS
 * @param certificateChain PEM certificate chain file (PEM mode)
 * @param privateKey       PEM PKCS#8 private key file (PEM mode)
 * @param keyPassword      password of an encrypted PEM key, or null
 * @param pkcs12           PKCS#12 keystore file (PKCS#12 mode), or null
 * @param pkcs12Password   keystore password, or null
 */
public record TlsOptions(boolean enabled, Path certificateChain, Path privateKey, String keyPassword,
                         Path pkcs12, String pkcs12Password) {

    /** Validates that an enabled configuration names its files. */
    public TlsOptions {
        if (enabled && pkcs12 == null && (certificateChain == null || privateKey == null)) {
            throw new IllegalArgumentException("TLS needs either a PKCS#12 file or a PEM certificate and key");
        }
    }

    /** TLS off. */
    public static TlsOptions disabled() {
        return new TlsOptions(false, null, null, null, null, null);
    }

    /** TLS from PEM files (certificate chain and PKCS#8 key, unencrypted). */
    public static TlsOptions pem(Path certificateChain, Path privateKey) {
        return new TlsOptions(true, certificateChain, privateKey, null, null, null);
    }

    /** TLS from a PKCS#12 keystore. */
    public static TlsOptions pkcs12(Path keystore, String password) {
        return new TlsOptions(true, null, null, null, keystore, password);
    }
}
