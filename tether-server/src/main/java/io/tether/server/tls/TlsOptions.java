package io.tether.server.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * TLS settings of a listener, the same type for every TLS listener (socket, JSTP, HTTP):
 * the server's key (PEM certificate chain + PKCS#8 key, optionally encrypted, or a PKCS#12
 * keystore), client certificates ({@link ClientAuth}, the CA bundle they must chain to, and
 * which of their names becomes the session's principal), the protocol versions and cipher
 * suites, and how often the files are checked for a replacement. Immutable; use
 * {@link #disabled()}, {@link #pem} or {@link #pkcs12}, or {@link #builder()} for the rest.
 * The text form hides the passwords.
 *
 * <pre>{@code
 * TlsOptions mtls = TlsOptions.builder()
 *         .enabled(true)
 *         .certificateChain(Path.of("server.pem")).privateKey(Path.of("server.key"))
 *         .keyPassword(System.getenv("KEY_PASSWORD"))       // an encrypted PKCS#8 key
 *         .clientAuth(ClientAuth.REQUIRED).trustedCertificates(Path.of("clients-ca.pem"))
 *         .protocols(List.of("TLSv1.3"))
 *         .build();
 * }</pre>
 */
public final class TlsOptions {
    /** The protocol versions enabled by default. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** How often the key and certificate files are checked for a change by default. */
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(10);
    private static final Set<String> KNOWN_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");
    private static final TlsOptions DEFAULTS = new Builder().build();

    private final boolean enabled;
    private final Path certificateChain;
    private final Path privateKey;
    private final String keyPassword;
    private final Path pkcs12;
    private final String pkcs12Password;
    private final ClientAuth clientAuth;
    private final Path trustedCertificates;
    private final ClientPrincipal clientPrincipal;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final Duration reloadCheckInterval;

    private TlsOptions(Builder b) {
        this.enabled = b.enabled;
        this.certificateChain = b.certificateChain;
        this.privateKey = b.privateKey;
        this.keyPassword = b.keyPassword;
        this.pkcs12 = b.pkcs12;
        this.pkcs12Password = b.pkcs12Password;
        this.clientAuth = Objects.requireNonNull(b.clientAuth, "clientAuth");
        this.trustedCertificates = b.trustedCertificates;
        this.clientPrincipal = Objects.requireNonNull(b.clientPrincipal, "clientPrincipal");
        this.protocols = List.copyOf(b.protocols);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.reloadCheckInterval = Objects.requireNonNull(b.reloadCheckInterval, "reloadCheckInterval");
        validate();
    }

    private void validate() {
        if (enabled && pkcs12 == null && (certificateChain == null || privateKey == null)) {
            throw new IllegalArgumentException("TLS needs either a PKCS#12 file or a PEM certificate and key");
        }
        if (enabled && pkcs12 != null && (certificateChain != null || privateKey != null)) {
            throw new IllegalArgumentException("TLS takes either a PKCS#12 file or a PEM certificate and key, not both");
        }
        if (clientAuth != ClientAuth.NONE && trustedCertificates == null) {
            throw new IllegalArgumentException("client certificates (" + clientAuth.name().toLowerCase(java.util.Locale.ROOT)
                    + ") need the CA certificates they must chain to (trusted certificates, a PEM bundle)");
        }
        if (clientAuth == ClientAuth.NONE && trustedCertificates != null) {
            throw new IllegalArgumentException("trusted client CA certificates are set but client certificates are "
                    + "not asked for (client auth none): set client auth to optional or required");
        }
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("TLS needs at least one protocol version, e.g. TLSv1.3");
        }
        for (String p : protocols) {
            if (!KNOWN_PROTOCOLS.contains(p)) {
                throw new IllegalArgumentException("unknown TLS protocol version '" + p + "': use TLSv1.3, TLSv1.2 "
                        + "(or the obsolete TLSv1.1, TLSv1)");
            }
        }
        if (reloadCheckInterval.isNegative()) {
            throw new IllegalArgumentException("the reload check interval must be 0 (off) or more, was "
                    + reloadCheckInterval);
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

    /** TLS from PEM files (certificate chain and PKCS#8 key, unencrypted), other values at their defaults. */
    public static TlsOptions pem(Path certificateChain, Path privateKey) {
        return builder().enabled(true).certificateChain(certificateChain).privateKey(privateKey).build();
    }

    /** TLS from a PKCS#12 keystore, other values at their defaults. */
    public static TlsOptions pkcs12(Path keystore, String password) {
        return builder().enabled(true).pkcs12(keystore).pkcs12Password(password).build();
    }

    /** Whether the listener speaks TLS (default off). */
    public boolean enabled() {
        return enabled;
    }

    /** PEM certificate chain file, server certificate first (PEM mode), or null (default). */
    public Path certificateChain() {
        return certificateChain;
    }

    /** PEM PKCS#8 private key file, plain or encrypted (PEM mode), or null (default). */
    public Path privateKey() {
        return privateKey;
    }

    /** Password of an encrypted PEM key ({@code ENCRYPTED PRIVATE KEY}), or null (default: unencrypted). */
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

    /** Whether clients are asked for a certificate (default {@link ClientAuth#NONE}). */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /**
     * PEM bundle of the CA certificates a client certificate must chain to, or null (default);
     * required unless {@link #clientAuth()} is {@link ClientAuth#NONE}.
     */
    public Path trustedCertificates() {
        return trustedCertificates;
    }

    /** Which name of a verified client certificate becomes the principal (default {@link ClientPrincipal#COMMON_NAME}). */
    public ClientPrincipal clientPrincipal() {
        return clientPrincipal;
    }

    /** Protocol versions enabled, e.g. {@code TLSv1.3} (default {@link #DEFAULT_PROTOCOLS}). */
    public List<String> protocols() {
        return protocols;
    }

    /** Cipher suites enabled, in preference order; empty (default) = the TLS engine's defaults. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /**
     * How often the key, certificate and trust files are checked for a replacement; a change
     * is loaded once the files have been stable for one interval. {@link Duration#ZERO} = no
     * checks (a reload then happens only when asked, e.g. on SIGHUP). Default
     * {@link #DEFAULT_RELOAD_CHECK_INTERVAL}.
     */
    public Duration reloadCheckInterval() {
        return reloadCheckInterval;
    }

    /** The files the context is made from (key, certificates, trusted CAs), for change checks. */
    public List<Path> files() {
        List<Path> out = new java.util.ArrayList<>(4);
        for (Path p : new Path[] {certificateChain, privateKey, pkcs12, trustedCertificates}) {
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsOptions x
                && enabled == x.enabled
                && Objects.equals(certificateChain, x.certificateChain)
                && Objects.equals(privateKey, x.privateKey)
                && Objects.equals(keyPassword, x.keyPassword)
                && Objects.equals(pkcs12, x.pkcs12)
                && Objects.equals(pkcs12Password, x.pkcs12Password)
                && clientAuth == x.clientAuth
                && Objects.equals(trustedCertificates, x.trustedCertificates)
                && clientPrincipal == x.clientPrincipal
                && protocols.equals(x.protocols)
                && cipherSuites.equals(x.cipherSuites)
                && reloadCheckInterval.equals(x.reloadCheckInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, certificateChain, privateKey, keyPassword, pkcs12, pkcs12Password, clientAuth,
                trustedCertificates, clientPrincipal, protocols, cipherSuites, reloadCheckInterval);
    }

    @Override
    public String toString() {
        return "TlsOptions["
                + "enabled=" + enabled
                + ", certificateChain=" + certificateChain
                + ", privateKey=" + privateKey
                + ", keyPassword=" + (keyPassword == null ? null : "***")
                + ", pkcs12=" + pkcs12
                + ", pkcs12Password=" + (pkcs12Password == null ? null : "***")
                + ", clientAuth=" + clientAuth
                + ", trustedCertificates=" + trustedCertificates
                + ", clientPrincipal=" + clientPrincipal
                + ", protocols=" + protocols
                + ", cipherSuites=" + cipherSuites
                + ", reloadCheckInterval=" + reloadCheckInterval + "]";
    }

    /** Builder of {@link TlsOptions}; every value starts at its default. */
    public static final class Builder {
        private boolean enabled;
        private Path certificateChain;
        private Path privateKey;
        private String keyPassword;
        private Path pkcs12;
        private String pkcs12Password;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private Path trustedCertificates;
        private ClientPrincipal clientPrincipal = ClientPrincipal.COMMON_NAME;
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private List<String> cipherSuites = List.of();
        private Duration reloadCheckInterval = DEFAULT_RELOAD_CHECK_INTERVAL;

        private Builder() {
        }

        private Builder(TlsOptions o) {
            enabled = o.enabled;
            certificateChain = o.certificateChain;
            privateKey = o.privateKey;
            keyPassword = o.keyPassword;
            pkcs12 = o.pkcs12;
            pkcs12Password = o.pkcs12Password;
            clientAuth = o.clientAuth;
            trustedCertificates = o.trustedCertificates;
            clientPrincipal = o.clientPrincipal;
            protocols = o.protocols;
            cipherSuites = o.cipherSuites;
            reloadCheckInterval = o.reloadCheckInterval;
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

        /** PEM PKCS#8 private key file, plain or encrypted (PEM mode), or null (default). */
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

        /** Whether clients are asked for a certificate (default {@link ClientAuth#NONE}). */
        public Builder clientAuth(ClientAuth v) {
            clientAuth = v;
            return this;
        }

        /** PEM bundle of the CAs client certificates must chain to, or null (default). */
        public Builder trustedCertificates(Path v) {
            trustedCertificates = v;
            return this;
        }

        /** Which certificate name becomes the principal (default {@link ClientPrincipal#COMMON_NAME}). */
        public Builder clientPrincipal(ClientPrincipal v) {
            clientPrincipal = v;
            return this;
        }

        /** Protocol versions enabled (default {@link TlsOptions#DEFAULT_PROTOCOLS}). */
        public Builder protocols(List<String> v) {
            protocols = List.copyOf(v);
            return this;
        }

        /** Cipher suites enabled, in preference order; empty (default) = the engine's defaults. */
        public Builder cipherSuites(List<String> v) {
            cipherSuites = List.copyOf(v);
            return this;
        }

        /** How often the files are checked for a replacement; zero = never (default 10 s). */
        public Builder reloadCheckInterval(Duration v) {
            reloadCheckInterval = v;
            return this;
        }

        /**
         * Validates and builds; throws IllegalArgumentException for enabled TLS without a
         * PKCS#12 file or a PEM certificate and key (or with both), client certificates without
         * trusted CAs (or trusted CAs without client certificates), no or unknown protocol
         * versions, or a negative check interval.
         */
        public TlsOptions build() {
            return new TlsOptions(this);
        }
    }
}
