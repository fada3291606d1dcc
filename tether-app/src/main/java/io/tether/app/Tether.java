package io.tether.app;

import io.tether.server.LeakDetection;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Runs your application as a complete server from your own {@code main}: the {@code tether}
 * command line ({@code --help}, {@code --config FILE}, {@code --port} ...), the layered
 * configuration (command line &gt; {@code TETHER_*} environment &gt; config file &gt;
 * {@code reference.conf}), the socket and JSTP listeners, the admin HTTP endpoint
 * ({@code /health/live}, {@code /health/ready}, {@code /metrics} with {@code tether.admin.port}),
 * and a graceful stop on SIGTERM or Ctrl-C (clients get their goodbye, pending actions finish).
 *
 * <pre>{@code
 * import io.tether.api.Action;
 * import io.tether.app.Tether;
 * import java.util.Map;
 *
 * public final class Main {
 *     public static void main(String[] args) {
 *         Tether.run(args, app -> app
 *                 .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
 *                 .room("lobby"));
 *     }
 * }
 * }</pre>
 *
 * <p>Exit codes: 0 after a graceful stop (SIGTERM, SIGINT), 2 for a bad option or
 * configuration (one line on stderr naming it), 1 for anything else (e.g. a port in use).
 *
 * <p>Logging goes through SLF4J; tether-app brings Logback but no {@code logback.xml}. Your own
 * {@code logback.xml} (or {@code -Dlogback.configurationFile}) decides; without one, this
 * entry point logs INFO to the console (Netty at WARN) instead of Logback's DEBUG default.
 */
public final class Tether {
    private Tether() {
    }

    /**
     * Runs the server until it is stopped, then exits the JVM with the status {@link #execute}
     * returns. {@code options} are the application's own command-line options, each setting a
     * configuration key the application reads with {@link AppSetup#config()}.
     */
    public static void run(String[] args, TetherApplication application, CommandLineOption... options) {
        System.exit(execute(args, application, options));
    }

    /**
     * Parses the command line and runs the server until SIGTERM or SIGINT (or only prints help
     * or the version); returns the exit status instead of exiting.
     */
    public static int execute(String[] args, TetherApplication application, CommandLineOption... options) {
        Objects.requireNonNull(application, "application");
        TetherCommand command = new TetherCommand(application, java.util.List.of(options));
        applyDefaultLogging();
        LeakDetection.offUnlessConfigured(); // docs/performance.md; -Dio.netty.leakDetection.level wins
        CommandLine cli = command.addTo(new CommandLine(command));
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
        return cli.execute(args);
    }

    /**
     * Replaces Logback's own fallback (everything at DEBUG, when no {@code logback.xml},
     * {@code logback-test.xml} or {@code -Dlogback.configurationFile} was found) with the server's
     * console default: INFO, Netty at WARN, one line per event. Does nothing when logging is
     * configured or another SLF4J backend is used. {@link #execute} and the test kit call it.
     */
    public static void applyDefaultLogging() {
        LogDefaults.applyUnlessConfigured();
    }
}
