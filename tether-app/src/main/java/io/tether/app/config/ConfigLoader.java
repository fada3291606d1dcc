package io.tether.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Layers the configuration, lowest precedence first: {@code reference.conf} (every
 * default), an optional config file, {@code TETHER_*} environment variables, command-line
 * overrides. An environment variable's name is its path in upper case with {@code .} and
 * {@code -} turned into {@code _}: {@code tether.socket.max-data-length} is
 * {@code TETHER_SOCKET_MAX_DATA_LENGTH}. The conventional {@code REDIS_URL} sets
 * {@code tether.redis.url} just above the defaults (below the file and {@code TETHER_REDIS_URL}).
 * The result is checked by {@link ConfigValidator}: unknown keys and {@code TETHER_*} names and
 * values of the wrong type are {@link ErrorCode#CONFIGURATION_ERROR}s naming the full path.
 */
public final class ConfigLoader {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("tether");

    private ConfigLoader() {
    }

    /**
     * Loads the layered configuration.
     *
     * @param file      config file (HOCON, JSON or properties), or null for none
     * @param env       the environment (only {@code TETHER_*} names of known paths are read)
     * @param overrides command-line values keyed by config path
     */
    public static Config load(Path file, Map<String, String> env, Map<String, ?> overrides) {
        Config defaults = ConfigFactory.defaultReference(ConfigLoader.class.getClassLoader());
        Config fromFile = file == null ? ConfigFactory.empty() : parseFile(file);
        Config fromEnv = fromEnvironment(defaults, env);
        Config fromCli = ConfigFactory.parseMap(overrides, "command line");
        String redisUrl = env.get("REDIS_URL");
        Config conventional = redisUrl == null || redisUrl.isBlank() ? ConfigFactory.empty()
                : ConfigFactory.empty().withValue("tether.redis.url",
                        ConfigValueFactory.fromAnyRef(redisUrl.strip(), "environment REDIS_URL"));
        Config merged;
        try {
            merged = fromCli.withFallback(fromEnv).withFallback(fromFile).withFallback(conventional)
                    .withFallback(defaults).resolve();
        } catch (ConfigException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, e.getMessage(), e);
        }
        ConfigValidator.Result checked = new ConfigValidator(defaults)
                .check(fromCli.withFallback(fromFile), env, merged);
        checked.warnings().forEach(w -> LOG.warn("config: {}", w));
        if (!checked.errors().isEmpty()) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, checked.errors().size() == 1
                    ? checked.errors().get(0)
                    : "the configuration has " + checked.errors().size() + " problems:\n  "
                            + String.join("\n  ", checked.errors()));
        }
        return merged;
    }

    /** The environment variable name for a config path. */
    public static String envName(String path) {
        return path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "config file " + file + " does not exist or is not readable");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "cannot read config file " + e.getMessage(), e);
        }
    }

    private static Config fromEnvironment(Config defaults, Map<String, String> env) {
        Config out = ConfigFactory.empty();
        for (var entry : defaults.getConfig("tether").entrySet()) {
            String path = "tether." + entry.getKey();
            String value = env.get(envName(path));
            if (value != null) {
                out = out.withValue(path, ConfigValueFactory.fromAnyRef(value, "environment " + envName(path)));
            }
        }
        return out;
    }
}
