package io.tether.app;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.app.admin.AdminProtocolServer;
import io.tether.app.admin.TetherMetrics;
import io.tether.app.config.AppConfig;
import io.tether.core.TetherCore;
import io.tether.core.auth.LoginActions;
import io.tether.redis.RedisNode;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.jstp.auth.LoginGate;
import io.tether.server.jstp.auth.LoginLimits;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Assembles and starts a server from an {@link AppConfig} and a {@link TetherApplication}: one
 * core with the application's actions, rooms and cache, served by every configured listener &mdash; the
 * socket listener(s) and the JSTP listener share that core. With {@code tether.redis.url}
 * the node joins a cluster: rooms and cache live in Redis ({@code RedisRoomBroker},
 * {@code RedisCacheStore}) and so do JSTP sessions ({@code RedisSessionStore}); closing the
 * server closes the Redis connections last. Used by {@link Tether#run} and by tests (port 0
 * gives a free port; read it with {@code server.port("socket")} or {@code server.port("jstp")}).
 *
 * <pre>{@code
 * try (TetherServer server = TetherApp.start(config, new ChatApplication())) {
 *     int port = server.port("socket");
 * }
 * }</pre>
 */
public final class TetherApp {
    private TetherApp() {
    }

    /**
     * Starts the one application registered on the class path ({@link TetherApplication#fromClasspath()}).
     *
     * @throws io.tether.api.TetherException {@code CONFIGURATION_ERROR} if there is not exactly one;
     *                                       as {@link #start(AppConfig, TetherApplication)} otherwise
     */
    public static TetherServer start(AppConfig config) {
        return start(config, TetherApplication.fromClasspath());
    }

    /**
     * Builds the core with the application's parts and the listeners and binds them; releases
     * everything if one fails.
     *
     * @throws io.tether.api.TetherException {@code CLUSTER_UNAVAILABLE} if the configured Redis is unreachable
     */
    public static TetherServer start(AppConfig config, TetherApplication application) {
        RedisNode redis = config.redis().map(RedisNode::connect).orElse(null);
        TetherMetrics metrics = new TetherMetrics();
        TetherCore.Builder builder = TetherCore.builder().processorOptions(config.actions())
                .rateLimits(config.rateLimits())
                .actionMeter(metrics.actionMeter());
        if (redis != null) {
            builder.roomBroker(redis.roomBroker()).cache(redis.cacheStore());
        }
        TetherCore core;
        AppSetup setup = new AppSetup(config, builder);
        try {
            application.install(setup);
            core = builder.build();
        } catch (com.typesafe.config.ConfigException e) { // an application key missing or mistyped
            if (redis != null) {
                redis.close();
            }
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "application configuration: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
        try {
            TetherServer.Builder server = TetherServer.builder(core).transport(config.transport());
            if (config.loginActions()) {
                server.closeAfter(installLoginActions(core, setup.jstpOptions()));
            }
            metrics.bindRefusals(core.refusals());
            for (SocketOptions listener : config.socketListeners()) {
                SocketProtocolServer socket = new SocketProtocolServer(core, listener);
                metrics.bind(socket);
                server.protocol(socket);
            }
            JstpProtocolServer[] jstpListener = new JstpProtocolServer[1];
            setup.jstpOptions().ifPresent(jstp -> {
                JstpProtocolServer listener = redis == null ? new JstpProtocolServer(core, jstp)
                        : new JstpProtocolServer(core, jstp,
                                redis.sessionStore(jstp.sessionExpiry(), jstp.sessionQuota(core.refusals()), core.timer()));
                metrics.bind(listener);
                server.protocol(listener);
                jstpListener[0] = listener;
            });
            config.http().ifPresent(http -> server.protocol(WebListener.create(core, http, jstpListener[0],
                    setup.jstpOptions().orElse(null), config.socketListeners().get(0))));
            config.unixSockets().forEach(server::unixSocket);
            BooleanSupplier ready = () -> !core.isShuttingDown() && (redis == null || redis.ready());
            metrics.bindReadiness(ready);
            config.admin().ifPresent(admin -> server.protocol(
                    new AdminProtocolServer(admin, metrics, ready, core.workers(), core.refusals())));
            if (redis != null) {
                server.closeAfter(new ClusterHealthLog(redis, core.timer()), redis);
            }
            server.closeAfter(metrics);
            return server.build().start();
        } catch (RuntimeException e) {
            core.close();
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    /**
     * The login, logout and whoami actions over the JSTP listener's users, checked through a
     * gate of their own (the same failure throttling and hashing pool settings as JSTP logins);
     * returns the gate to close with the server.
     */
    private static LoginGate installLoginActions(TetherCore core, Optional<JstpOptions> jstp) {
        JstpAuthenticator users = jstp.map(JstpOptions::authenticator).orElse(JstpAuthenticator.none());
        LoginLimits limits = jstp.map(JstpOptions::login).orElse(LoginLimits.defaults());
        LoginGate gate = new LoginGate(users, limits, core.refusals());
        core.registry().register(LoginActions.login(gate.credentialCheck()))
                .register(LoginActions.logout()).register(LoginActions.whoami());
        return gate;
    }
}
