package io.tether.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS settings of a listener: off, PEM certificate chain + private key, or a PKCS#12
 * keystore. Immutable; use {@link #disabled()}, {@link #pem} or {@link #pkcs12}, or
 * {@link #builder()} for the other combinations (an encrypted PEM key). The text form hides the
 * passwords.
 */
public final class TlsOptions {
    private static final TlsOptions DEFAULTS = new Builder().build();

    private final boolean enabled;
    private final Path certificateChain;
    private final Path privateKey;
    private final String keyPassword;
    private final Path pkcs12;
    private final String pkcs12Password;

    private TlsOptions(Builder b) {
        this.enabled = b.enabled;
        this.certificateChain = b.certificateChain;
        this.privateKey = b.privateKey;
        this.keyPassword = b.keyPassword;
        this.pkcs12 = b.pkcs12;
        this.pkcs12Password = b.pkcs12Password;
        if (enabled && pkcs12 == null && (certificateChain == null || privateKey == null)) {
            throw new IllegalArgumentException("TLS needs either a PKCS#12 file or a PEM certificate and key");
        }
    }

    /** TLS off; the same as {@link #disabled()}. */
    public static TlsOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** TLS off. */
    public static TlsOptions disabled() {
        return DEFAULTS;
    }

    /** TLS from PEM files (certificate chain and PKCS#8 key, unencrypted). */
    public static TlsOptions pem(Path certificateChain, Path privateKey) {
        return builder().enabled(true).certificateChain(certificateChain).privateKey(privateKey).build();
    }

    /** TLS from a PKCS#12 keystore. */
    public static TlsOptions pkcs12(Path keystore, String password) {
        return builder().enabled(true).pkcs12(keystore).pkcs12Password(password).build();
    }

    /** Whether the listener speaks TLS (default off). */
    public boolean enabled() {
        return enabled;
    }

    /** PEM certificate chain file (PEM mode), or null (default). */
    public Path certificateChain() {
        return certificateChain;
    }

    /** PEM PKCS#8 private key file (PEM mode), or null (default). */
    public Path privateKey() {
        return privateKey;
    }

    /** Password of an encrypted PEM key, or null (default: unencrypted). */
    public String keyPassword() {
        return keyPassword;
    }

    /** PKCS#12 keystore file (PKCS#12 mode), or null (default). */
    public Path pkcs12() {
        return pkcs12;
    }

    /** Keystore password, or null (default). */
    public String pkcs12Password() {
        return pkcs12Password;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsOptions x
                && enabled == x.enabled
                && Objects.equals(certificateChain, x.certificateChain)
                && Objects.equals(privateKey, x.privateKey)
                && Objects.equals(keyPassword, x.keyPassword)
                && Objects.equals(pkcs12, x.pkcs12)
                && Objects.equals(pkcs12Password, x.pkcs12Password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, certificateChain, privateKey, keyPassword, pkcs12, pkcs12Password);
    }

    @Override
    public String toString() {
        return "TlsOptions["
                + "enabled=" + enabled
                + ", certificateChain=" + certificateChain
                + ", privateKey=" + privateKey
                + ", keyPassword=" + (keyPassword == null ? null : "***")
                + ", pkcs12=" + pkcs12
                + ", pkcs12Password=" + (pkcs12Password == null ? null : "***") + "]";
    }

    /** Builder of {@link TlsOptions}; every value starts at its default. */
    public static final class Builder {
        private boolean enabled;
        private Path certificateChain;
        private Path privateKey;
        private String keyPassword;
        private Path pkcs12;
        private String pkcs12Password;

        private Builder() {
        }

        private Builder(TlsOptions o) {
            enabled = o.enabled;
            certificateChain = o.certificateChain;
            privateKey = o.privateKey;
            keyPassword = o.keyPassword;
            pkcs12 = o.pkcs12;
            pkcs12Password = o.pkcs12Password;
        }

        /** Whether the listener speaks TLS (default off). */
        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        /** PEM certificate chain file (PEM mode), or null (default). */
        public Builder certificateChain(Path v) {
            certificateChain = v;
            return this;
        }

        /** PEM PKCS#8 private key file (PEM mode), or null (default). */
        public Builder privateKey(Path v) {
            privateKey = v;
            return this;
        }

        /** Password of an encrypted PEM key, or null (default: unencrypted). */
        public Builder keyPassword(String v) {
            keyPassword = v;
            return this;
        }

        /** PKCS#12 keystore file (PKCS#12 mode), or null (default). */
        public Builder pkcs12(Path v) {
            pkcs12 = v;
            return this;
        }

        /** Keystore password, or null (default). */
        public Builder pkcs12Password(String v) {
            pkcs12Password = v;
            return this;
        }

        /**
         * Validates and builds; enabled TLS without a PKCS#12 file or a PEM certificate and key fails with
         * IllegalArgumentException.
         */
        public TlsOptions build() {
            return new TlsOptions(this);
        }
    }
}
