package io.tether.app.config;

import com.typesafe.config.Config;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.server.jstp.auth.LoginLimits;
import java.time.Duration;

/** Maps {@code tether.jstp.login} to the JSTP listener's {@link LoginLimits}. */
final class LoginSettings {
    private LoginSettings() {
    }

    static LoginLimits from(Config login, String path) {
        Duration initial = positive(login, "initial-delay", path);
        Duration max = positive(login, "max-delay", path);
        if (max.compareTo(initial) < 0) {
            throw error(path + ".max-delay must be at least " + path + ".initial-delay, was "
                    + login.getValue("max-delay").unwrapped());
        }
        return LoginLimits.defaults().toBuilder()
                .maxFailures(atLeast(login, "max-failures", 1, path))
                .window(positive(login, "window", path))
                .initialDelay(initial)
                .maxDelay(max)
                .maxTracked(atLeast(login, "max-tracked", 1, path))
                .threads(atLeast(login, "threads", 1, path))
                .queue(atLeast(login, "queue", 0, path))
                .build();
    }

    private static int atLeast(Config c, String key, int min, String path) {
        int v = c.getInt(key);
        if (v < min) {
            throw error(path + "." + key + " must be at least " + min + ", was " + v);
        }
        return v;
    }

    private static Duration positive(Config c, String key, String path) {
        Duration d = c.getDuration(key);
        if (d.isNegative() || d.isZero()) {
            throw error(path + "." + key + " must be more than 0, was " + c.getValue(key).unwrapped());
        }
        return d;
    }

    private static TetherException error(String message) {
        return new TetherException(ErrorCode.CONFIGURATION_ERROR, message);
    }
}
