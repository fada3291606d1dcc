package io.tether.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.ReferenceCountUtil;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * Builds Netty server {@link SslContext}s from {@link TlsOptions} with Netty's
 * {@link SslContextBuilder} (OpenSSL/BoringSSL when the native library loads, else the JDK),
 * failing with a {@link ErrorCode#CONFIGURATION_ERROR} that names the offending file or
 * setting: an unreadable file, a key that is encrypted without a password (or the reverse),
 * a wrong key password, a CA bundle without certificates, a protocol version or cipher suite
 * the engine does not support. Stateless; {@link TlsContextProvider} holds the current context.
 */
public final class TlsContextFactory {
    private TlsContextFactory() {
    }

    /**
     * The TLS implementation the contexts use: {@code BoringSSL} (or another OpenSSL) when
     * Netty's native tcnative library loads on this platform, else {@code JDK}.
     */
    public static String engine() {
        return OpenSsl.isAvailable() ? OpenSsl.versionString().split(" ")[0] : "JDK";
    }

    /** A new server context, or null when TLS is disabled; reads the files every call. */
    public static SslContext serverContext(TlsOptions tls) {
        if (!tls.enabled()) {
            return null;
        }
        SslContextBuilder b = tls.pkcs12() != null ? fromPkcs12(tls.pkcs12(), tls.pkcs12Password()) : fromPem(tls);
        b.protocols(tls.protocols());
        if (!tls.cipherSuites().isEmpty()) {
            b.ciphers(tls.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE);
        }
        if (tls.clientAuth() != ClientAuth.NONE) {
            b.clientAuth(tls.clientAuth() == ClientAuth.REQUIRED ? io.netty.handler.ssl.ClientAuth.REQUIRE
                    : io.netty.handler.ssl.ClientAuth.OPTIONAL);
            b.trustManager(trustedCertificates(tls.trustedCertificates()));
        }
        SslContext context;
        try {
            context = b.build();
        } catch (Exception | Error e) {
            throw error("cannot use TLS " + describe(tls) + ": " + rootMessage(e), e);
        }
        try {
            checkEnabled(context, tls);
        } catch (TetherException e) {
            ReferenceCountUtil.release(context);
            throw e;
        }
        return context;
    }

    private static SslContextBuilder fromPem(TlsOptions tls) {
        requireReadable(tls.certificateChain(), "certificate");
        requireReadable(tls.privateKey(), "private key");
        checkKeyEncryption(tls.privateKey(), tls.keyPassword());
        X509Certificate[] chain;
        try {
            chain = TlsKeyMaterial.certificates(tls.certificateChain().toFile());
        } catch (Exception | Error e) {
            throw error("cannot read the TLS certificate chain " + tls.certificateChain()
                    + " (PEM certificates, server certificate first): " + rootMessage(e), e);
        }
        PrivateKey key;
        try {
            key = TlsKeyMaterial.privateKey(tls.privateKey().toFile(), tls.keyPassword());
        } catch (Exception | Error e) {
            if (tls.keyPassword() != null) {
                throw error("cannot decrypt the TLS private key " + tls.privateKey()
                        + " with the configured key password (wrong password?): " + rootMessage(e), e);
            }
            throw error("cannot read the TLS private key " + tls.privateKey() + " (PEM PKCS#8): " + rootMessage(e), e);
        }
        return server(key, chain, "TLS private key " + tls.privateKey() + " does not belong to the certificate "
                + tls.certificateChain());
    }

    private static SslContextBuilder server(PrivateKey key, X509Certificate[] chain, String mismatch) {
        if (!TlsKeyMaterial.matches(key, chain[0])) {
            throw error(mismatch + " (" + chain[0].getSubjectX500Principal().getName() + ")", null);
        }
        return SslContextBuilder.forServer(key, chain);
    }

    /** Fails clearly when the key's PEM kind and the password setting disagree. */
    private static void checkKeyEncryption(Path key, String password) {
        String text;
        try {
            text = Files.readString(key, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw error("cannot read TLS private key file " + key + ": " + e.getMessage(), e);
        }
        boolean encrypted = text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw error("TLS private key " + key + " is in the traditional OpenSSL form (BEGIN RSA/EC PRIVATE KEY): "
                    + "convert it to PKCS#8, e.g. openssl pkcs8 -topk8 -in old.key -out new.key "
                    + "(add -nocrypt for no password)", null);
        }
        if (encrypted && (password == null || password.isEmpty())) {
            throw error("TLS private key " + key + " is encrypted (BEGIN ENCRYPTED PRIVATE KEY) but no key password "
                    + "is configured", null);
        }
        if (!encrypted && password != null && !password.isEmpty()) {
            throw error("a key password is configured but the TLS private key " + key + " is not encrypted "
                    + "(no BEGIN ENCRYPTED PRIVATE KEY)", null);
        }
    }

    private static SslContextBuilder fromPkcs12(Path file, String password) {
        requireReadable(file, "PKCS#12 keystore");
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (var c : ks.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return server(key, chain.toArray(X509Certificate[]::new), "the key of PKCS#12 keystore " + file
                            + " does not belong to its certificate");
                }
            }
            throw error("PKCS#12 keystore " + file + " holds no private key", null);
        } catch (TetherException e) {
            throw e;
        } catch (Exception e) {
            throw error("cannot read PKCS#12 keystore " + file + ": " + rootMessage(e), e);
        }
    }

    private static X509Certificate[] trustedCertificates(Path file) {
        requireReadable(file, "client CA");
        List<X509Certificate> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
        } catch (Exception e) {
            throw error("cannot read the TLS client CA file " + file + " (a PEM bundle of CA certificates): "
                    + rootMessage(e), e);
        }
        if (out.isEmpty()) {
            throw error("the TLS client CA file " + file + " holds no certificate", null);
        }
        return out.toArray(X509Certificate[]::new);
    }

    /** Every configured protocol version and cipher suite must be enabled in an engine of the context. */
    private static void checkEnabled(SslContext context, TlsOptions tls) {
        SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
        try {
            List<String> enabled = Arrays.asList(engine.getEnabledProtocols());
            List<String> missing = tls.protocols().stream().filter(p -> !enabled.contains(p)).toList();
            if (!missing.isEmpty()) {
                throw error("TLS protocol version(s) " + missing + " not supported by the " + engine()
                        + " TLS engine (it supports " + Arrays.asList(engine.getSupportedProtocols()) + ")", null);
            }
            if (!tls.cipherSuites().isEmpty()) {
                List<String> on = Arrays.asList(engine.getEnabledCipherSuites());
                List<String> unknown = tls.cipherSuites().stream().filter(c -> !on.contains(c)).toList();
                if (!unknown.isEmpty()) {
                    throw error("TLS cipher suite(s) " + unknown + " not supported by the " + engine()
                            + " TLS engine with protocols " + tls.protocols(), null);
                }
            }
        } finally {
            ReferenceCountUtil.release(engine);
        }
    }

    private static String describe(TlsOptions tls) {
        String key = tls.pkcs12() != null ? "keystore " + tls.pkcs12()
                : "certificate " + tls.certificateChain() + " with key " + tls.privateKey();
        String trust = tls.trustedCertificates() == null ? "" : " and client CA " + tls.trustedCertificates();
        return key + trust + " (protocols " + tls.protocols()
                + (tls.cipherSuites().isEmpty() ? "" : ", cipher suites " + tls.cipherSuites()) + ")";
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw error("TLS " + what + " file " + file + " does not exist or is not readable", null);
        }
    }

    private static TetherException error(String message, Throwable cause) {
        return cause == null ? new TetherException(ErrorCode.CONFIGURATION_ERROR, message)
                : new TetherException(ErrorCode.CONFIGURATION_ERROR, message, cause);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
