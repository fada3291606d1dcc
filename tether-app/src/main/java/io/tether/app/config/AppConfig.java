package io.tether.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.tether.api.ErrorCode;
import io.tether.app.admin.AdminOptions;
import io.tether.api.TetherException;
import io.tether.core.action.ProcessorOptions;
import io.tether.core.limits.RateLimits;
import io.tether.redis.RedisOptions;
import io.tether.server.Transport;
import io.tether.server.jstp.JstpOptions;
import io.tether.server.socket.SocketOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runnable server's settings, mapped once from a layered {@link Config} (see
 * {@link ConfigLoader}) into the framework's immutable option types.
 *
 * @param serverId        server id the {@code status} action reports
 * @param name            application name
 * @param description     application description
 * @param version         application version
 * @param actions         action processor limits
 * @param socketListeners socket-protocol listeners: one, or a plain one plus a TLS one
 * @param source          the layered configuration these settings were mapped from, with every key (an
 *                        application reads its own keys from it: {@link io.tether.app.AppSetup#config()})
 * @param jstp            the JSTP listener, empty when {@code tether.jstp.enabled} is false
 * @param redis           cluster mode's Redis, empty for a single node ({@code tether.redis.url} blank)
 * @param admin           the admin HTTP listener, empty when off
 * @param rateLimits      request rate limits per session and per address ({@code tether.rate-limit})
 * @param loginActions    whether the login, logout and whoami actions are served ({@code tether.auth.login-actions})
 * @param http            the HTTP (WebSocket) listener, empty when {@code tether.http.enabled} is false
 * @param unixSockets     unix-domain socket paths by listener name ({@code socket}, {@code jstp}), from
 *                        {@code tether.socket.unix-path} and {@code tether.jstp.unix-path}; empty = none
 * @param transport       the Netty I/O transport of every listener ({@code tether.transport})
 */
public record AppConfig(String serverId, String name, String description, String version, ProcessorOptions actions,
                        List<SocketOptions> socketListeners, Config source, Optional<JstpOptions> jstp,
                        Optional<RedisOptions> redis, Optional<AdminOptions> admin, RateLimits rateLimits,
                        boolean loginActions, Optional<HttpListenerConfig> http,
                        Map<String, Path> unixSockets, Transport transport) {

    /** Freezes the listener list. */
    public AppConfig {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(jstp, "jstp");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(transport, "transport");
        socketListeners = List.copyOf(socketListeners);
        unixSockets = Map.copyOf(unixSockets);
        if (socketListeners.isEmpty()) {
            throw new IllegalArgumentException("at least one socket listener is needed");
        }
    }

    /**
     * Maps a loaded configuration. {@code jarDirectory} (may be null) is where the default
     * public directory is looked for when {@code ./public} does not exist.
     *
     * @throws TetherException with {@link ErrorCode#CONFIGURATION_ERROR} and a message naming
     *                         the offending key or file
     */
    public static AppConfig from(Config config, Path jarDirectory) {
        try {
            Config server = config.getConfig("tether.server");
            String id = server.getString("id").isBlank() ? HostName.local() : server.getString("id");
            Optional<JstpOptions> jstp = JstpSettings.from(config.getConfig("tether.jstp"));
            return new AppConfig(id, server.getString("name"), server.getString("description"),
                    server.getString("version"), processor(config.getConfig("tether.actions"),
                            config.getBoolean("tether.auth.require-authentication")),
                    SocketListeners.from(config.getConfig("tether.socket"), jarDirectory), config,
                    jstp, RedisSettings.from(config.getConfig("tether.redis")), admin(config.getConfig("tether.admin")),
                    RateLimitSettings.from(config.getConfig("tether.rate-limit")),
                    config.getBoolean("tether.auth.login-actions"),
                    HttpSettings.from(config.getConfig("tether.http")),
                    unixSockets(config, jstp.isPresent()), transport(config));
        } catch (ConfigException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, e.getMessage(), e);
        }
    }

    /** The settings without {@link #source()} (which holds every value, secrets included). */
    @Override
    public String toString() {
        return "AppConfig[serverId=" + serverId + ", name=" + name + ", version=" + version + ", actions=" + actions
                + ", socketListeners=" + socketListeners + ", jstp=" + jstp + ", redis=" + redis + ", admin=" + admin
                + ", rateLimits=" + rateLimits + ", loginActions=" + loginActions + ", http=" + http
                + ", unixSockets=" + unixSockets + ", transport=" + transport + "]";
    }

    /** The socket listener's and (when JSTP is on) the JSTP listener's unix-domain socket paths. */
    private static Map<String, Path> unixSockets(Config config, boolean jstp) {
        Map<String, Path> out = new LinkedHashMap<>();
        String socket = config.getString("tether.socket.unix-path");
        if (!socket.isBlank()) {
            out.put("socket", Path.of(socket.strip()));
        }
        String jstpPath = config.getString("tether.jstp.unix-path");
        if (jstp && !jstpPath.isBlank()) {
            out.put("jstp", Path.of(jstpPath.strip()));
        }
        if (out.size() == 2 && out.get("socket").toAbsolutePath().normalize()
                .equals(out.get("jstp").toAbsolutePath().normalize())) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "tether.socket.unix-path and tether.jstp.unix-path are the same file: " + socket);
        }
        return out;
    }

    /** {@code tether.transport}: auto, epoll, io_uring or nio. */
    private static Transport transport(Config config) {
        try {
            return Transport.parse(config.getString("tether.transport"));
        } catch (IllegalArgumentException e) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR, "tether.transport: " + e.getMessage(), e);
        }
    }

    private static Optional<AdminOptions> admin(Config admin) {
        int port = admin.getInt("port");
        return port == -1 ? Optional.empty() : Optional.of(AdminOptions.builder()
                .host(admin.getString("host")).port(port).requestTimeout(admin.getDuration("request-timeout")).build());
    }

    private static ProcessorOptions processor(Config actions, boolean requireAuthentication) {
        int simultaneous = actions.getInt("simultaneous");
        if (simultaneous < 1) {
            throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                    "tether.actions.simultaneous must be at least 1, was " + simultaneous);
        }
        return ProcessorOptions.defaults().toBuilder()
                .simultaneousActions(simultaneous)
                .defaultTimeout(actions.getDuration("timeout"))
                .requireAuthentication(requireAuthentication)
                .build();
    }
}
