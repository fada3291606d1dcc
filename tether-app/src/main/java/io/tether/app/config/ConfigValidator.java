package io.tether.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a layered configuration against {@code reference.conf} before anything reads it:
 * every key under {@code tether.} given in a file or on the command line and every
 * {@code TETHER_*} environment variable must name a known setting (with a "did you mean"
 * suggestion when it does not), and every value must have its setting's type (durations and
 * sizes included), named by its full path. Unknown names are errors unless
 * {@code tether.config.allow-unknown} is true (then {@link Result#warnings() warnings}).
 */
final class ConfigValidator {
    /** Variables that start with TETHER_ but belong to the launcher, not the configuration. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("TETHER_JAVA_OPTS");

    /** Settings that existed once, with what replaced them: named instead of "unknown". */
    private static final Map<String, String> REMOVED = Map.of(
            "tether.jstp.method-timeout", "JSTP methods use tether.actions.timeout, or the timeout the method declares");

    /** What the check found: errors stop the server; warnings are logged. */
    record Result(List<String> errors, List<String> warnings) {
    }

    private final Config reference;
    private final Set<String> knownPaths = new TreeSet<>();
    private final Set<String> knownEnv = new TreeSet<>();

    ConfigValidator(Config reference) {
        this.reference = reference;
        for (Map.Entry<String, ConfigValue> e : reference.getConfig("tether").entrySet()) {
            String path = "tether." + e.getKey();
            knownPaths.add(path);
            knownEnv.add(ConfigLoader.envName(path));
        }
    }

    /**
     * Checks {@code given} (the file and command-line layers, without defaults), the
     * environment, and {@code merged} (every layer resolved).
     */
    Result check(Config given, Map<String, String> env, Config merged) {
        List<String> unknown = new ArrayList<>();
        if (given.hasPath("tether")) {
            for (Map.Entry<String, ConfigValue> e : given.getConfig("tether").entrySet()) {
                String path = "tether." + e.getKey();
                if (REMOVED.containsKey(path)) {
                    unknown.add("setting " + path + " was removed (" + e.getValue().origin().description() + "): "
                            + REMOVED.get(path));
                } else if (!knownPaths.contains(path)) {
                    unknown.add("unknown setting " + path + " (" + e.getValue().origin().description() + ")"
                            + suggestion(path, knownPaths));
                }
            }
        }
        env.keySet().stream().filter(n -> n.startsWith("TETHER_")).sorted()
                .filter(n -> !knownEnv.contains(n) && !LAUNCHER_VARIABLES.contains(n))
                .forEach(n -> unknown.add(removedVariable(n).orElse("unknown environment variable " + n
                        + suggestion(n, knownEnv))));
        List<String> errors = new ArrayList<>();
        boolean lenient = booleanOrFalse(merged, "tether.config.allow-unknown", errors);
        for (String path : knownPaths) {
            typeProblem(merged, path).ifPresent(errors::add);
        }
        if (lenient) {
            return new Result(errors, unknown);
        }
        if (!unknown.isEmpty()) {
            unknown.add("(set tether.config.allow-unknown = true to start anyway)");
        }
        List<String> all = new ArrayList<>(unknown);
        all.addAll(errors);
        return new Result(all, List.of());
    }

    private static java.util.Optional<String> removedVariable(String name) {
        return REMOVED.entrySet().stream().filter(r -> ConfigLoader.envName(r.getKey()).equals(name)).findFirst()
                .map(r -> "environment variable " + name + " was removed: " + r.getValue());
    }

    private static boolean booleanOrFalse(Config merged, String path, List<String> errors) {
        try {
            return merged.hasPath(path) && merged.getBoolean(path);
        } catch (ConfigException e) {
            errors.add(e.getMessage());
            return false;
        }
    }

    /** A value of the wrong type for its setting, with the full path (empty when it fits). */
    private java.util.Optional<String> typeProblem(Config merged, String path) {
        if (!merged.hasPathOrNull(path) || merged.getIsNull(path)) {
            return java.util.Optional.of(path + " is missing or null");
        }
        ConfigValueType expected = reference.getValue(path).valueType();
        try {
            switch (expected) {
                case NUMBER -> {
                    if (isSizeKey(path)) {
                        merged.getBytes(path); // "8 MiB" as well as 8388608
                    } else {
                        merged.getNumber(path);
                    }
                }
                case BOOLEAN -> merged.getBoolean(path);
                case LIST -> merged.getList(path);
                case OBJECT -> merged.getObject(path);
                case STRING -> {
                    if (isDuration(path)) {
                        merged.getDuration(path);
                    } else if (isSize(path)) {
                        merged.getBytes(path);
                    } else {
                        merged.getString(path);
                    }
                }
                default -> { }
            }
            return java.util.Optional.empty();
        } catch (ConfigException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** A byte count, which may be written with a size unit ({@code *-bytes}, {@code *-budget}). */
    private static boolean isSizeKey(String path) {
        return path.endsWith("-bytes") || path.endsWith("-budget");
    }

    private boolean isDuration(String path) {
        try {
            reference.getDuration(path);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    private boolean isSize(String path) {
        try {
            reference.getBytes(path);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** "; did you mean X?" for the closest known name, when one is close enough. */
    static String suggestion(String name, Set<String> known) {
        return Suggestions.closest(name, known).map(best -> "; did you mean " + best + "?").orElse("");
    }
}
