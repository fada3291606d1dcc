package io.tether.app;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An application hosted by the runnable server: it adds its actions, rooms and JSTP
 * applications to an {@link AppSetup}; the server brings the rest (command line, config file
 * and {@code TETHER_*} environment, listeners, admin HTTP, signals, graceful shutdown and exit
 * codes). Start one from your own {@code main} with {@link Tether#run}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Tether.run(args, app -> app
 *             .action(Action.named("hello").handler(ctx -> Map.of("hello", "world")).build())
 *             .room("lobby"));
 * }
 * }</pre>
 *
 * <p>Or register it as a service ({@code META-INF/services/io.tether.app.TetherApplication}
 * naming your class, which then needs a public no-argument constructor) and start the generic
 * main class {@link TetherMain}, which hosts the one application it finds on the class path:
 * that is how the distribution's {@code bin/tether} runs the demo, or your jar dropped into
 * its {@code lib/} instead of the demo's.
 */
@FunctionalInterface
public interface TetherApplication {

    /**
     * Adds this application's parts. Called once per server start, before any listener binds;
     * an exception stops the start (a {@link TetherException} with
     * {@link ErrorCode#CONFIGURATION_ERROR} exits with status 2).
     */
    void install(AppSetup app);

    /**
     * The one application registered as a {@link ServiceLoader} service on the class path.
     *
     * @throws TetherException {@link ErrorCode#CONFIGURATION_ERROR} when there is none or more than one
     */
    static TetherApplication fromClasspath() {
        List<TetherApplication> found = ServiceLoader.load(TetherApplication.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, (found.isEmpty()
                    ? "no application on the class path" : "more than one application on the class path: " + found
                            .stream().map(a -> a.getClass().getName()).toList())
                    + " (one jar must list its io.tether.app.TetherApplication in META-INF/services, "
                    + "or start it from your own main with Tether.run)");
        }
        return found.get(0);
    }
}
