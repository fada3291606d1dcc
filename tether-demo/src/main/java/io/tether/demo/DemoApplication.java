package io.tether.demo;

import io.tether.api.Action;
import io.tether.api.jstp.JstpApplication;
import io.tether.app.AppSetup;
import io.tether.app.CommandLineOption;
import io.tether.app.TetherApplication;
import io.tether.app.TetherVersion;
import io.tether.core.TetherCore;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.testkit.jstp.JstpTestApp;
import java.util.List;
import java.util.Map;

/**
 * The demo application the runnable server ships ({@code ./tether run}, the distribution): the
 * actions {@code randomNumber}, {@code cacheTest}, {@code sleepTest} and {@code status}, and the
 * rooms {@code defaultRoom} and {@code otherRoom}; with {@code tether.demo} {@code jstp-test} or
 * {@code all}, also the JSTP test application {@code testApp} 1.0.0/2.0.0 and its login
 * {@code user}/{@code secret}. Registered as the class path's {@link TetherApplication}, so
 * {@code io.tether.app.TetherMain} hosts it; {@link DemoMain} starts it explicitly.
 *
 * <pre>{@code
 * TetherCore core = DemoApplication.install(TetherCore.builder(), identity).build();
 * }</pre>
 */
public final class DemoApplication implements TetherApplication {
    /** The configuration key naming the demo hosted ({@link Demo}: actionhero, jstp-test or all). */
    public static final String DEMO_KEY = "tether.demo";

    /** The demo main's {@code --demo NAME} option: sets {@link #DEMO_KEY}. */
    public static final CommandLineOption DEMO_OPTION = CommandLineOption.of("--demo", "NAME", DEMO_KEY,
            "the demo hosted: actionhero (default): demo actions and rooms; jstp-test or all: also the JSTP test "
                    + "application testApp 1.0.0/2.0.0 with login user/secret");

    /** Rooms created at boot. */
    public static final List<String> ROOMS = List.of("defaultRoom", "otherRoom");

    /** For {@link java.util.ServiceLoader}. */
    public DemoApplication() {
    }

    @Override
    public void install(AppSetup app) {
        io.tether.app.config.AppConfig config = app.settings();
        ServerIdentity identity = new ServerIdentity(config.serverId(), config.name(), config.description(),
                config.version(), TetherVersion.get(), System.currentTimeMillis());
        app.action(actions(identity)).room(ROOMS.toArray(String[]::new));
        if (Demo.parse(app.config().getString(DEMO_KEY)).hostsJstpTestApp()) {
            app.jstp(JstpTestApp.applications().toArray(JstpApplication[]::new))
                    .jstpAuthenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER, PasswordHash.create(
                            JstpTestApp.PASSWORD.toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS))));
        }
    }

    /** Adds the demo actions and rooms to a core builder and returns it. */
    public static TetherCore.Builder install(TetherCore.Builder core, ServerIdentity server) {
        return core.action(actions(server)).room(ROOMS.toArray(String[]::new));
    }

    private static Action[] actions(ServerIdentity server) {
        return new Action[] {RandomNumberAction.create(), CacheTestAction.create(),
                SleepTestAction.create(), StatusAction.create(server)};
    }
}
