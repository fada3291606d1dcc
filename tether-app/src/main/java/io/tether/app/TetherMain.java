package io.tether.app;

/**
 * Generic entry point of the runnable server ({@code java -cp ... io.tether.app.TetherMain --help}):
 * hosts the one {@link TetherApplication} registered on the class path (the demo in the
 * distribution and {@code ./tether run}). Exit codes as {@link Tether#run}; no application, or
 * more than one, exits with 2.
 */
public final class TetherMain {
    private TetherMain() {
    }

    /** Parses the command line, runs the application found on the class path until SIGTERM/Ctrl-C, exits. */
    public static void main(String[] args) {
        // looked up when the server starts, so --help and --version work without one
        Tether.run(args, app -> TetherApplication.fromClasspath().install(app));
    }
}
