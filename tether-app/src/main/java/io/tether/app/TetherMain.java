package io.tether.app;

import io.netty.util.ResourceLeakDetector;
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
        quietLeakDetection();
        CommandLine cli = new CommandLine(new TetherCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("tether: unexpected error: " + e);
            return 1;
        });
        System.exit(cli.execute(args));
    }

    /**
     * Turns Netty's buffer-leak sampling off in the runnable server unless
     * {@code -Dio.netty.leakDetection.level} asks for a level: it records a stack trace for
     * one buffer in 128, which cost about 3 % of the I/O threads' time under load (see
     * docs/performance.md). The test suites keep Netty's default.
     */
    static void quietLeakDetection() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
