package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.tls.TlsOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps a {@code tls} block ({@code cert} + {@code key}, or {@code pkcs12} + {@code password};
 * all empty = TLS off) into {@link TlsOptions}. Shared by the socket and JSTP listeners;
 * messages name the offending key under the given path.
 */
final class TlsSettings {
    private TlsSettings() {
    }

    /** Maps {@code tls}, found at config path {@code path} (used in error messages). */
    static TlsOptions from(Config tls, String path) {
        String cert = tls.getString("cert");
        String key = tls.getString("key");
        String pkcs12 = tls.getString("pkcs12");
        if (!pkcs12.isEmpty()) {
            if (!cert.isEmpty() || !key.isEmpty()) {
                throw error("set either " + path + ".pkcs12 or " + path + ".cert + " + path + ".key, not both");
            }
            String password = tls.getString("password");
            return TlsOptions.pkcs12(readable(pkcs12, "PKCS#12 keystore"), password.isEmpty() ? null : password);
        }
        if (cert.isEmpty() != key.isEmpty()) {
            throw error("TLS needs both " + path + ".cert and " + path + ".key");
        }
        if (cert.isEmpty()) {
            return TlsOptions.disabled();
        }
        return TlsOptions.pem(readable(cert, "certificate"), readable(key, "private key"));
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
