package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.tls.ClientAuth;
import io.tether.server.tls.ClientPrincipal;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a {@code tls} block ({@code cert} + {@code key} [+ {@code key-password}], or
 * {@code pkcs12} + {@code password}; all empty = TLS off; {@code client-auth},
 * {@code client-ca}, {@code client-principal}, {@code protocols}, {@code ciphers},
 * {@code reload-check-interval}) into {@link TlsOptions}. Shared by every TLS listener (socket,
 * JSTP, HTTP); messages name the offending key under the given path.
 */
final class TlsSettings {
    private TlsSettings() {
    }

    /** Maps {@code tls}, found at config path {@code path} (used in error messages). */
    static TlsOptions from(Config tls, String path) {
        String cert = tls.getString("cert");
        String key = tls.getString("key");
        String pkcs12 = tls.getString("pkcs12");
        TlsOptions.Builder b;
        if (!pkcs12.isEmpty()) {
            if (!cert.isEmpty() || !key.isEmpty()) {
                throw error("set either " + path + ".pkcs12 or " + path + ".cert + " + path + ".key, not both");
            }
            String password = tls.getString("password");
            b = TlsOptions.pkcs12(readable(pkcs12, "PKCS#12 keystore"), password.isEmpty() ? null : password)
                    .toBuilder();
        } else if (cert.isEmpty() != key.isEmpty()) {
            throw error("TLS needs both " + path + ".cert and " + path + ".key");
        } else if (cert.isEmpty()) {
            if (!optional(tls, "client-auth", "none").equalsIgnoreCase("none") || !optional(tls, "client-ca", "").isEmpty()) {
                throw error(path + ".client-auth and " + path + ".client-ca need a server certificate: set "
                        + path + ".cert and " + path + ".key, or " + path + ".pkcs12");
            }
            return TlsOptions.disabled();
        } else {
            String keyPassword = optional(tls, "key-password", "");
            b = TlsOptions.pem(readable(cert, "certificate"), readable(key, "private key")).toBuilder()
                    .keyPassword(keyPassword.isEmpty() ? null : keyPassword);
        }
        return withClientsAndProtocols(b, tls, path);
    }

    private static TlsOptions withClientsAndProtocols(TlsOptions.Builder b, Config tls, String path) {
        ClientAuth auth;
        ClientPrincipal principal;
        try {
            auth = ClientAuth.parse(optional(tls, "client-auth", "none"));
            principal = ClientPrincipal.parse(optional(tls, "client-principal", "cn"));
        } catch (IllegalArgumentException e) {
            throw error(path + "." + e.getMessage());
        }
        String ca = optional(tls, "client-ca", "");
        if (auth != ClientAuth.NONE && ca.isEmpty()) {
            throw error(path + ".client-auth = " + auth.name().toLowerCase(java.util.Locale.ROOT) + " needs "
                    + path + ".client-ca (a PEM bundle of the CA certificates client certificates must chain to)");
        }
        if (auth == ClientAuth.NONE && !ca.isEmpty()) {
            throw error(path + ".client-ca is set but " + path + ".client-auth is none: set it to optional or required");
        }
        List<String> protocols = words(optional(tls, "protocols", String.join(",", TlsOptions.DEFAULT_PROTOCOLS)));
        if (protocols.isEmpty()) {
            throw error(path + ".protocols must name at least one version, e.g. \"TLSv1.3,TLSv1.2\"");
        }
        Duration every = tls.hasPath("reload-check-interval") ? tls.getDuration("reload-check-interval")
                : TlsOptions.DEFAULT_RELOAD_CHECK_INTERVAL;
        if (every.isNegative()) {
            throw error(path + ".reload-check-interval must be 0 (off) or more, was " + every);
        }
        try {
            return b.clientAuth(auth)
                    .trustedCertificates(ca.isEmpty() ? null : readable(ca, "client CA"))
                    .clientPrincipal(principal)
                    .protocols(protocols)
                    .cipherSuites(words(optional(tls, "ciphers", "")))
                    .reloadCheckInterval(every)
                    .build();
        } catch (IllegalArgumentException e) {
            throw error(path + ": " + e.getMessage());
        }
    }

    /** A key of the block, or {@code fallback} when a block written for an older version lacks it. */
    private static String optional(Config tls, String key, String fallback) {
        return tls.hasPath(key) ? tls.getString(key) : fallback;
    }

    /** Comma- or space-separated words (an environment variable can hold a list this way). */
    private static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static Path readable(String file, String what) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw error("TLS " + what + " file " + path.toAbsolutePath() + " does not exist or is not readable");
        }
        return path;
    }

    static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
