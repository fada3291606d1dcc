package io.tether.app;

import io.tether.server.LeakDetection;
import picocli.CommandLine;

/**
 * Entry point of the runnable server ({@code java -jar tether-app.jar --help}). Exit codes:
 * 0 after a graceful stop, 2 for bad options or configuration, 1 for anything else.
 */
public final class TetherMain {
    private TetherMain() {
    }

    /** Parses the command line, runs the server until SIGTERM/Ctrl-C, exits. */
    public static void main(String[] args) {
        LeakDetection.offUnlessConfigured(); // docs/performance.md; -Dio.netty.leakDetection.level wins
        CommandLine cli = new CommandLine(new TetherCommand());
        cli.setParameterExceptionHandler((e, args2) -> {
            // one line, not the whole usage: the option that was wrong and where to look
            e.getCommandLine().getErr().println("tether: " + e.getMessage() + OptionSuggestion.of(e)
                    + " (see 'tether --help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("tether: unexpected error: " + e);
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
