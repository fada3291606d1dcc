package io.tether.app;

import io.tether.api.Action;
import io.tether.api.ActionMiddleware;
import io.tether.api.jstp.JstpApplication;
import io.tether.app.config.AppConfig;
import io.tether.core.TetherCore;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.auth.JstpAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TetherApplication} adds to the server it runs in: actions (served on both
 * protocols), rooms created at boot, action middleware, JSTP-native applications and the JSTP
 * login. Also gives the configuration the server was started with: the server's mapped settings
 * ({@link #settings()}) and the whole layered configuration ({@link #config()}), where the
 * application reads its own keys.
 * Used only while {@link TetherApplication#install} runs; not thread-safe.
 */
public final class AppSetup {
    private final AppConfig settings;
    private final TetherCore.Builder core;
    private final List<JstpApplication> jstpApplications = new ArrayList<>();
    private JstpAuthenticator jstpAuthenticator;

    AppSetup(AppConfig settings, TetherCore.Builder core) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.core = Objects.requireNonNull(core, "core");
    }

    /** The server's settings (config file, {@code TETHER_*} environment and command line applied). */
    public AppConfig settings() {
        return settings;
    }

    /**
     * The layered configuration the server was started with (command line &gt; {@code TETHER_*}
     * environment &gt; {@code --config} file &gt; every {@code reference.conf} on the class path),
     * resolved; read your application's own settings from it. Keep them under a top-level key of
     * your own (not {@code tether}, whose keys the server checks), with their defaults in your
     * jar's {@code reference.conf}; they are then set in the config file, and an environment
     * variable can feed one through HOCON's optional substitution:
     *
     * <pre>{@code
     * # src/main/resources/reference.conf of your application
     * notes {
     *   greeting = "Hello"
     *   greeting = ${?NOTES_GREETING}
     * }
     * }</pre>
     *
     * <pre>{@code
     * Tether.run(args, app -> {
     *     String greeting = app.config().getString("notes.greeting");
     *     app.action(Action.named("greet").handler(ctx -> Map.of("greeting", greeting)).build());
     * });
     * }</pre>
     *
     * A missing key or a value of the wrong type (Typesafe Config's {@code ConfigException}, thrown
     * from {@code install}) stops the start as a configuration problem: exit status 2 and one line
     * ({@code tether: application configuration: ...}) naming the key and where its value came from.
     */
    public com.typesafe.config.Config config() {
        return settings.source();
    }

    /** Adds actions, callable over the socket protocol by name and over JSTP as methods of the actions interface. */
    public AppSetup action(Action... actions) {
        core.action(actions);
        return this;
    }

    /** Creates rooms at boot (actions can create more with {@code ctx.rooms().create}). */
    public AppSetup room(String... names) {
        core.room(names);
        return this;
    }

    /** Adds middleware run around every action, in the order added. */
    public AppSetup middleware(ActionMiddleware... hooks) {
        core.middleware(hooks);
        return this;
    }

    /** Adds JSTP-native applications ({@code name@version}); ignored when the JSTP listener is off. */
    public AppSetup jstp(JstpApplication... applications) {
        jstpApplications.addAll(List.of(applications));
        return this;
    }

    /** Sets who may log in over JSTP (the default accepts anonymous handshakes only). */
    public AppSetup jstpAuthenticator(JstpAuthenticator authenticator) {
        this.jstpAuthenticator = Objects.requireNonNull(authenticator, "authenticator");
        return this;
    }

    /** The configured JSTP listener's options with this application's JSTP parts added. */
    Optional<JstpOptions> jstpOptions() {
        return settings.jstp().map(options -> {
            if (jstpApplications.isEmpty() && jstpAuthenticator == null) {
                return options;
            }
            JstpOptions.Builder b = options.toBuilder();
            jstpApplications.forEach(b::application);
            if (jstpAuthenticator != null) {
                b.authenticator(jstpAuthenticator);
            }
            return b.build();
        });
    }
}
