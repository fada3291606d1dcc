package io.tether.app;

import io.tether.app.admin.AdminProtocolServer;
import io.tether.app.admin.TetherMetrics;
import io.tether.app.config.AppConfig;
import io.tether.app.demo.DemoApplication;
import io.tether.app.demo.ServerIdentity;
import io.tether.core.TetherCore;
import io.tether.redis.RedisNode;
import io.tether.server.TetherServer;
import io.tether.server.jstp.JstpProtocolServer;
import io.tether.server.socket.SocketOptions;
import io.tether.server.socket.SocketProtocolServer;
import java.util.function.BooleanSupplier;

/**
 * Assembles and starts the demo server from an {@link AppConfig}: one core with the demo
 * application (actions, rooms, cache), served by every configured listener &mdash; the
 * socket listener(s) and the JSTP listener share that core. With {@code tether.redis.url}
 * the node joins a cluster: rooms and cache live in Redis ({@code RedisRoomBroker},
 * {@code RedisCacheStore}) and so do JSTP sessions ({@code RedisSessionStore}); closing the
 * server closes the Redis connections last. Used by {@link TetherMain} and by tests (port 0
 * gives a free port; read it with {@code server.port("socket")} or {@code server.port("jstp")}).
 *
 * <pre>{@code
 * try (TetherServer server = TetherApp.start(config)) {
 *     int port = server.port("socket");
 * }
 * }</pre>
 */
public final class TetherApp {
    private TetherApp() {
    }

    /**
     * Builds the core and the listeners and binds them; releases everything if one fails.
     *
     * @throws io.tether.api.TetherException {@code CLUSTER_UNAVAILABLE} if the configured Redis is unreachable
     */
    public static TetherServer start(AppConfig config) {
        ServerIdentity identity = new ServerIdentity(config.serverId(), config.name(), config.description(),
                config.version(), TetherVersion.get(), System.currentTimeMillis());
        RedisNode redis = config.redis().map(RedisNode::connect).orElse(null);
        TetherMetrics metrics = new TetherMetrics();
        TetherCore.Builder builder = TetherCore.builder().processorOptions(config.actions())
                .middleware(metrics.actionMiddleware()).actionMeter(metrics.actionMeter());
        if (redis != null) {
            builder.roomBroker(redis.roomBroker()).cache(redis.cacheStore());
        }
        TetherCore core;
        try {
            core = DemoApplication.install(builder, identity).build();
        } catch (RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
        try {
            TetherServer.Builder server = TetherServer.builder(core);
            metrics.bindRefusals(core.refusals());
            for (SocketOptions listener : config.socketListeners()) {
                SocketProtocolServer socket = new SocketProtocolServer(core, listener);
                metrics.bind(socket);
                server.protocol(socket);
            }
            config.jstp().ifPresent(jstp -> {
                JstpProtocolServer listener = redis == null ? new JstpProtocolServer(core, jstp)
                        : new JstpProtocolServer(core, jstp,
                                redis.sessionStore(jstp.sessionExpiry(), jstp.sessionQuota(core.refusals()), core.timer()));
                metrics.bind(listener);
                server.protocol(listener);
            });
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
}
