package io.tether.server.actionhero;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves {@code file} verb paths (both ActionHero transports) inside the public directory. A path is served
 * only if, after normalising, it stays inside the directory and its real path (symlinks
 * followed) does too, and it is a readable regular file. Everything else is "not found".
 */
public final class PublicFiles {
    private final Path root;

    /** {@code root} may be null: then nothing is ever found. */
    public PublicFiles(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** The real path of a servable file, or empty. */
    public Optional<Path> resolve(String requested) {
        if (root == null || requested == null || requested.isEmpty() || requested.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(requested).normalize();
            if (!candidate.startsWith(realRoot)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isReadable(real)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (InvalidPathException | IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
