package io.tether.app;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.server.TetherServer;
import io.tether.server.socket.SocketOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code tether} command: loads the layered configuration (command-line options win),
 * starts the server with its application, prints one line per listener and runs until SIGTERM or Ctrl-C.
 */
@Command(name = "tether", mixinStandardHelpOptions = true, versionProvider = TetherCommand.Version.class,
        sortOptions = false, description = "Runs a Tether server (ActionHero socket protocol and JSTP).",
        footer = {"", "Every option is also a config key (see reference.conf) and a TETHER_* environment variable.",
                "Precedence: command line > environment > --config file > defaults."})
final class TetherCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("tether");

    private final TetherApplication application;
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "HOCON/JSON/properties config file")
    Path config;
    @Option(names = "--host", description = "bind address (default 0.0.0.0)")
    String host;
    @Option(names = "--port", description = "socket protocol port (default 5000, 0 = any free port)")
    Integer port;
    @Option(names = "--tls-cert", paramLabel = "PEM", description = "TLS certificate chain (PEM)")
    Path tlsCert;
    @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key (PEM PKCS#8; if encrypted, give its password in "
            + "TETHER_SOCKET_TLS_KEY_PASSWORD)")
    Path tlsKey;
    @Option(names = "--tls-pkcs12", paramLabel = "FILE", description = "TLS keystore (PKCS#12) instead of PEM files")
    Path tlsPkcs12;
    @Option(names = "--tls-password", description = "password of the PKCS#12 keystore")
    String tlsPassword;
    @Option(names = "--tls-port", description = "add a TLS listener on this port (0 = any free port) and keep "
            + "--port plain; without it, a certificate makes --port itself TLS")
    Integer tlsPort;
    @Option(names = "--public-dir", paramLabel = "DIR", description = "directory served by the file verb")
    Path publicDir;
    @Option(names = "--max-data-length", paramLabel = "BYTES", description = "max request line, 0 = no limit")
    Integer maxDataLength;
    @Option(names = "--simultaneous-actions", paramLabel = "N", description = "max pending actions per connection")
    Integer simultaneousActions;
    @Option(names = "--welcome", paramLabel = "TEXT", description = "welcome message")
    String welcome;
    @Option(names = "--keepalive", arity = "0..1", fallbackValue = "true", description = "SO_KEEPALIVE on sockets")
    Boolean keepalive;
    @Option(names = "--jstp-host", description = "JSTP bind address (default 0.0.0.0)")
    String jstpHost;
    @Option(names = "--jstp-port", description = "JSTP port (default 4000, 0 = any free port)")
    Integer jstpPort;
    @Option(names = "--no-jstp", description = "do not start the JSTP listener")
    boolean noJstp;
    @Option(names = "--unix-path", paramLabel = "FILE", description = "also serve the socket protocol on this "
            + "unix-domain socket path")
    Path unixPath;
    @Option(names = "--jstp-unix-path", paramLabel = "FILE", description = "also serve JSTP on this unix-domain "
            + "socket path")
    Path jstpUnixPath;
    @Option(names = "--transport", paramLabel = "NAME", description = "Netty I/O transport: auto (default: epoll "
            + "where available, else nio), epoll, io_uring or nio; an unavailable epoll or io_uring stops the server")
    String transport;
    @Option(names = "--redis-url", paramLabel = "URL", description = "cluster mode: share rooms, cache and JSTP "
            + "sessions with every node on this Redis, e.g. redis://127.0.0.1:6379, a Sentinel set "
            + "redis-sentinel://h:26379,h:26380/0#mymaster or a Redis Cluster redis-cluster://h1:7000,h2:7001 "
            + "(default: single node)")
    String redisUrl;
    @Option(names = "--admin-port", description = "admin HTTP port for GET /health and GET /metrics "
            + "(default off; binds tether.admin.host, 127.0.0.1)")
    Integer adminPort;
    private final List<CommandLineOption> extraOptions;

    TetherCommand(TetherApplication application) {
        this(application, List.of());
    }

    /** The command with an application's own options ({@link #addTo} adds them to the command line). */
    TetherCommand(TetherApplication application, List<CommandLineOption> extraOptions) {
        this.application = application;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Adds the application's own options to the command line made for this command. */
    CommandLine addTo(CommandLine cli) {
        for (CommandLineOption o : extraOptions) {
            cli.getCommandSpec().addOption(OptionSpec.builder(o.name()).paramLabel(o.paramLabel())
                    .description(o.description()).type(String.class).build());
        }
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        TetherServer server;
        AppConfig app;
        AtomicReference<AppSetup> installed = new AtomicReference<>();
        try {
            com.typesafe.config.Config loaded = ConfigLoader.load(config, System.getenv(), overrides());
            LogFormat.apply(loaded.getString("tether.log.format"));
            app = AppConfig.from(loaded, jarDirectory());
            server = TetherApp.start(app, setup -> {
                application.install(setup);
                installed.set(setup);
            });
        } catch (TetherException e) {
            System.err.println("tether: " + e.getMessage());
            return e.code() == ErrorCode.CONFIGURATION_ERROR ? 2 : 1;
        }
        ShutdownSignal signal = new ShutdownSignal().install(() -> reloadTls(server));
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(close, "tether-shutdown"));
        for (SocketOptions listener : app.socketListeners()) {
            LOG.info("{}", ListeningLines.socket(server, listener));
        }
        installed.get().jstpOptions().ifPresent(jstp -> LOG.info("{}", ListeningLines.jstp(server, jstp)));
        app.http().ifPresent(h -> LOG.info("{}", ListeningLines.http(server, h)));
        app.unixSockets().forEach((name, path) -> LOG.info("{} listening on unix:{} (unix-domain socket, {})",
                name, path, server.transportName()));
        app.admin().ifPresent(a -> LOG.info("admin listening on {}:{} (HTTP: GET /health, GET /metrics)",
                server.address("admin").getHostString(), server.port("admin")));
        LOG.info("{}", app.redis().map(r -> "cluster mode: " + r.redactedUri() + " node " + r.nodeId()
                + " (rooms, cache and JSTP sessions shared through Redis)")
                .orElse("single node: rooms, cache and JSTP sessions in memory"));
        Path files = app.socketListeners().get(0).publicDirectory();
        LOG.info("file verb serves {}", files == null ? "nothing (no public directory)" : files);
        signal.await();
        LOG.info("stopping: closing listeners, draining connections");
        close.run();
        LOG.info("stopped");
        return 0;
    }

    /** SIGHUP: every TLS listener reads its certificate, key and client CA files again. */
    private static void reloadTls(TetherServer server) {
        long listeners = server.tlsListeners();
        if (listeners == 0) {
            LOG.info("SIGHUP: no TLS listener, nothing to reload (other settings are read only at start: "
                    + "restart the server to apply them)");
            return;
        }
        int failed = server.reloadTls();
        if (failed == 0) {
            LOG.info("SIGHUP: reloaded the TLS certificates of {} listener(s); new connections use them", listeners);
        } else {
            LOG.error("SIGHUP: {} of {} TLS listener(s) could not reload and keep their previous certificates "
                    + "(see the errors above)", failed, listeners);
        }
    }

    /** The options given on the command line, keyed by config path. */
    Map<String, Object> overrides() {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "tether.socket.host", host);
        put(out, "tether.socket.port", port);
        put(out, "tether.socket.tls.cert", tlsCert);
        put(out, "tether.socket.tls.key", tlsKey);
        put(out, "tether.socket.tls.pkcs12", tlsPkcs12);
        put(out, "tether.socket.tls.password", tlsPassword);
        put(out, "tether.socket.tls.port", tlsPort);
        put(out, "tether.socket.public-dir", publicDir);
        put(out, "tether.socket.max-data-length", maxDataLength);
        put(out, "tether.actions.simultaneous", simultaneousActions);
        put(out, "tether.socket.welcome", welcome);
        put(out, "tether.socket.keepalive", keepalive);
        put(out, "tether.jstp.host", jstpHost);
        put(out, "tether.jstp.port", jstpPort);
        put(out, "tether.jstp.enabled", noJstp ? Boolean.FALSE : null);
        put(out, "tether.redis.url", redisUrl);
        put(out, "tether.admin.port", adminPort);
        put(out, "tether.socket.unix-path", unixPath);
        put(out, "tether.jstp.unix-path", jstpUnixPath);
        put(out, "tether.transport", transport);
        for (CommandLineOption o : extraOptions) {
            OptionSpec given = spec == null ? null : spec.findOption(o.name());
            put(out, o.path(), given == null ? null : given.getValue());
        }
        return out;
    }

    private static void put(Map<String, Object> out, String path, Object value) {
        if (value != null) {
            out.put(path, value instanceof Path p ? p.toString() : value);
        }
    }

    private static Path jarDirectory() {
        try {
            Path location = Path.of(TetherCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.getParent() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** Reports the build's version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tether " + TetherVersion.get()};
        }
    }
}
