package io.tether.server.tls;

/**
 * Which name of a verified client certificate becomes the session's
 * {@link io.tether.api.Principal}. Whatever the choice, the principal's attributes hold
 * {@code subject} (the subject DN), {@code issuer} (the issuer DN), {@code serial} (hex) and
 * {@code source} = {@code "tls-client-certificate"}.
 */
public enum ClientPrincipal {
    /** The subject's common name ({@code CN}); the full subject DN when it has none (the default). */
    COMMON_NAME,
    /** The full subject distinguished name in RFC 2253 form, e.g. {@code CN=alice,O=Example}. */
    SUBJECT,
    /** No principal from the certificate: the handshake only admits the client. */
    NONE;

    /** Parses {@code cn}, {@code subject} or {@code none} (any case). */
    public static ClientPrincipal parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cn" -> COMMON_NAME;
            case "subject" -> SUBJECT;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("client-principal must be cn, subject or none, was '"
                    + text + "'");
        };
    }
}
