package io.tether.server.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds Netty server {@link SslContext}s from {@link TlsOptions}, failing at startup with a
 * {@link ErrorCode#CONFIGURATION_ERROR} that names the offending file.
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

    /** The server context, or null when TLS is disabled. */
    public static SslContext serverContext(TlsOptions tls) {
        if (!tls.enabled()) {
            return null;
        }
        return tls.pkcs12() != null ? fromPkcs12(tls.pkcs12(), tls.pkcs12Password()) : fromPem(tls);
    }

    private static SslContext fromPem(TlsOptions tls) {
        requireReadable(tls.certificateChain(), "certificate");
        requireReadable(tls.privateKey(), "private key");
        try {
            return SslContextBuilder.forServer(tls.certificateChain().toFile(), tls.privateKey().toFile(),
                    tls.keyPassword()).build();
        } catch (Exception | Error e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot use TLS certificate "
                    + tls.certificateChain() + " with key " + tls.privateKey() + ": " + rootMessage(e), e);
        }
    }

    private static SslContext fromPkcs12(Path file, String password) {
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
                    return SslContextBuilder.forServer(key, chain).build();
                }
            }
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "PKCS#12 keystore " + file + " holds no private key");
        } catch (TetherException e) {
            throw e;
        } catch (Exception e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot read PKCS#12 keystore " + file + ": "
                    + rootMessage(e), e);
        }
    }

    private static void requireReadable(Path file, String what) {
        if (!Files.isReadable(file)) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "TLS " + what + " file " + file
                    + " does not exist or is not readable");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
