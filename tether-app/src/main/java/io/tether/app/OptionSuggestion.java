package io.tether.app;

import io.tether.app.config.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** "; did you mean --port?" for a mistyped option, when one is close enough. */
final class OptionSuggestion {
    private OptionSuggestion() {
    }

    static String of(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return "";
        }
        for (String arg : unmatched.getUnmatched()) {
            if (!arg.startsWith("--")) {
                continue;
            }
            String given = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return Suggestions.closest(given, e.getCommandLine().getCommandSpec().options().stream()
                            .map(OptionSpec::longestName).toList())
                    .map(best -> "; did you mean " + best + "?")
                    .orElse("");
        }
        return "";
    }
}
