package io.tether.server.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tether.api.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;

/**
 * The client certificate of a TLS connection as a {@link Principal}. A protocol handler calls
 * {@link #principal(Channel, ClientPrincipal)} once the handshake succeeded (an
 * {@link io.netty.handler.ssl.SslHandshakeCompletionEvent}); the certificate was verified by
 * then (an untrusted one fails the handshake). Stateless.
 */
public final class TlsPeer {
    /** Value of the principal's {@code source} attribute. */
    public static final String SOURCE = "tls-client-certificate";

    private TlsPeer() {
    }

    /**
     * The principal of the channel's verified client certificate, named as {@code mapping}
     * says; empty for a plain channel, a client that sent no certificate, or
     * {@link ClientPrincipal#NONE}.
     */
    public static Optional<Principal> principal(Channel ch, ClientPrincipal mapping) {
        if (mapping == ClientPrincipal.NONE) {
            return Optional.empty();
        }
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? Optional.of(of(leaf, mapping)) : Optional.empty();
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
    }

    /** The principal of a certificate: its CN (or subject DN) with subject, issuer, serial and source attributes. */
    public static Principal of(X509Certificate certificate, ClientPrincipal mapping) {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String name = mapping == ClientPrincipal.SUBJECT ? subject : commonName(subject).orElse(subject);
        return new Principal(name, Map.of(
                "subject", subject,
                "issuer", certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                "serial", certificate.getSerialNumber().toString(16),
                "source", SOURCE));
    }

    /** The most specific (last in RFC 2253 order: first) CN of a DN. */
    static Optional<String> commonName(String rfc2253) {
        try {
            var rdns = new LdapName(rfc2253).getRdns(); // most significant first: the CN is near the end
            for (int i = rdns.size() - 1; i >= 0; i--) {
                Rdn rdn = rdns.get(i);
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
