package io.tether.app;

import java.util.Objects;

/**
 * An option an application's own {@code main} adds to the {@code tether} command line: it sets
 * one configuration key, above the {@code TETHER_*} environment and the config file like the
 * built-in options, and is listed by {@code --help}. The key must be one the configuration knows
 * (declared in a {@code reference.conf} on the class path, or the application's own namespace).
 *
 * <pre>{@code
 * static final CommandLineOption GREETING = CommandLineOption.of("--greeting", "TEXT", "notes.greeting",
 *         "what the greet action answers");
 *
 * public static void main(String[] args) {
 *     Tether.run(args, app -> app.action(Greet.create(app.config().getString("notes.greeting"))), GREETING);
 * }
 * }</pre>
 */
public final class CommandLineOption {
    private final String name;
    private final String paramLabel;
    private final String path;
    private final String description;

    private CommandLineOption(String name, String paramLabel, String path, String description) {
        this.name = name;
        this.paramLabel = paramLabel;
        this.path = path;
        this.description = description;
    }

    /**
     * An option taking one value.
     *
     * @param name        the option, starting with {@code --} (e.g. {@code --greeting})
     * @param paramLabel  its value's name in the help (e.g. {@code TEXT})
     * @param path        the configuration key it sets (e.g. {@code notes.greeting})
     * @param description one line for {@code --help}
     */
    public static CommandLineOption of(String name, String paramLabel, String path, String description) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paramLabel, "paramLabel");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
        if (!name.startsWith("--") || name.length() < 3 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an option name starts with -- and has no spaces: '" + name + "'");
        }
        if (path.isBlank()) {
            throw new IllegalArgumentException("the configuration key of " + name + " is blank");
        }
        return new CommandLineOption(name, paramLabel, path, description);
    }

    /** The option, e.g. {@code --greeting}. */
    public String name() {
        return name;
    }

    /** Its value's name in the help. */
    public String paramLabel() {
        return paramLabel;
    }

    /** The configuration key it sets. */
    public String path() {
        return path;
    }

    /** Its line in {@code --help}. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return name + " " + paramLabel + " (" + path + ")";
    }
}
