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
 * login. Also gives the configuration the server was started with ({@link #settings()}).
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
