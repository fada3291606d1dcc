package io.tether.server.tls;

/**
 * Whether a TLS listener asks its clients for a certificate. A certificate a client presents is
 * always verified against {@link TlsOptions#trustedCertificates()}: an untrusted one fails the
 * handshake in both {@link #OPTIONAL} and {@link #REQUIRED} mode.
 */
public enum ClientAuth {
    /** No certificate is asked for (the default). */
    NONE,
    /** A certificate is asked for; a client without one is still accepted (anonymous). */
    OPTIONAL,
    /** A client without a trusted certificate fails the handshake. */
    REQUIRED;

    /** Parses {@code none}, {@code optional} or {@code required} (any case). */
    public static ClientAuth parse(String text) {
        for (ClientAuth a : values()) {
            if (a.name().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("client-auth must be none, optional or required, was '" + text + "'");
    }
}
