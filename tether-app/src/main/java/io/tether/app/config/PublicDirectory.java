package io.tether.app.config;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the directory the {@code file} verb serves: the configured one (which must
 * exist), else {@code ./public} if it exists, else {@code public} beside the jar's folder
 * ({@code tether-app/public} for {@code tether-app/target/tether-app.jar}), else none.
 */
final class PublicDirectory {
    private PublicDirectory() {
    }

    static Path resolve(String configured, Path jarDirectory) {
        return resolve(configured, Path.of("").toAbsolutePath(), jarDirectory);
    }

    static Path resolve(String configured, Path workingDirectory, Path jarDirectory) {
        if (!configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                        "public directory " + dir + " does not exist or is not a directory");
            }
            return dir;
        }
        Path local = workingDirectory.resolve("public").toAbsolutePath().normalize();
        if (Files.isDirectory(local)) {
            return local;
        }
        if (jarDirectory != null && jarDirectory.getParent() != null) {
            Path besideJar = jarDirectory.getParent().resolve("public").toAbsolutePath().normalize();
            if (Files.isDirectory(besideJar)) {
                return besideJar;
            }
        }
        return null;
    }
}
