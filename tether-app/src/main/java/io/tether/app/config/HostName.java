package io.tether.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name, for the default server id: {@code $HOSTNAME}, else
 * {@code /etc/hostname}, else {@code tether-<pid>}. No DNS lookup (it can stall startup).
 */
final class HostName {
    private HostName() {
    }

    static String local() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | SecurityException e) {
            // not a Linux-like system: fall through
        }
        return "tether-" + ProcessHandle.current().pid();
    }
}
