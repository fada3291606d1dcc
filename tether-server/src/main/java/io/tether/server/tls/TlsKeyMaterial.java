package io.tether.server.tls;

import io.netty.handler.ssl.SslContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * Reads PEM key material with Netty's own readers (the ones {@code SslContextBuilder} uses) so
 * that the certificate and the key are read, and reported, separately, and checks that a key
 * belongs to its certificate (Netty does not: a mismatched pair would fail every handshake).
 * Never instantiated; extends {@link SslContext} only to reach its protected static readers.
 */
abstract class TlsKeyMaterial extends SslContext {
    private TlsKeyMaterial() {
    }

    /** The certificates of a PEM file, in order. */
    static X509Certificate[] certificates(File pem) throws Exception {
        X509Certificate[] chain = toX509Certificates(pem);
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("no PEM certificate found");
        }
        return chain;
    }

    /** The key of a PEM PKCS#8 file, decrypted with {@code password} when not null. */
    static PrivateKey privateKey(File pem, String password) throws Exception {
        PrivateKey key = toPrivateKey(pem, password);
        if (key == null) {
            throw new IllegalArgumentException("no PEM private key found");
        }
        return key;
    }

    /**
     * Whether {@code key} signs what {@code certificate}'s public key verifies; true for key
     * types it cannot test (the handshake will tell).
     */
    static boolean matches(PrivateKey key, X509Certificate certificate) {
        String kind = key.getAlgorithm().equals("ECDSA") ? "EC" : key.getAlgorithm(); // BouncyCastle's name
        String algorithm = switch (kind) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> kind;
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        try {
            // the JDK's own key object, whichever reader made this one
            PrivateKey jdkKey = KeyFactory.getInstance(kind).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            byte[] probe = "tether key check".getBytes(StandardCharsets.US_ASCII);
            Signature sign = Signature.getInstance(algorithm);
            sign.initSign(jdkKey);
            sign.update(probe);
            byte[] signature = sign.sign();
            PublicKey publicKey = certificate.getPublicKey();
            Signature verify = Signature.getInstance(algorithm);
            verify.initVerify(publicKey);
            verify.update(probe);
            return verify.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false; // e.g. an EC key against an RSA certificate
        }
    }
}
