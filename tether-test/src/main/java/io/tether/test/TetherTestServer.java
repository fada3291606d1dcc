package io.tether.test;

import io.tether.app.Tether;
import io.tether.app.TetherApp;
import io.tether.app.TetherApplication;
import io.tether.app.config.AppConfig;
import io.tether.app.config.ConfigLoader;
import io.tether.client.jstp.JstpClient;
import io.tether.client.jstp.JstpClientOptions;
import io.tether.client.socket.SocketClient;
import io.tether.client.socket.SocketClientOptions;
import io.tether.server.TetherServer;
import io.tether.testkit.LineClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Your {@link TetherApplication} on a real server for tests: the same assembly as
 * {@link io.tether.app.Tether#run} (configuration, both protocols, middleware, rooms), bound to
 * 127.0.0.1 on free ports (port 0) for the socket protocol and JSTP, with ready clients of both.
 * Closing it closes the clients it opened, then the server. No environment variables are read:
 * settings come from {@code reference.conf} and {@link Builder#config}. Without a
 * {@code logback-test.xml} of yours, the server logs at INFO ({@link Tether#applyDefaultLogging()}).
 *
 * <pre>{@code
 * class ChatApplicationTest {
 *     static TetherTestServer server;
 *
 *     @BeforeAll static void start() { server = TetherTestServer.start(new ChatApplication()); }
 *     @AfterAll static void stop() { server.close(); }
 *
 *     @Test void helloOverBothProtocols() {
 *         assertThat(server.socketClient().action("hello").join().get("hello")).isEqualTo("world");
 *         assertThat(server.jstpClient().callMethod("api", "hello").join()).containsExactly(Map.of("hello", "world"));
 *         LineClient raw = server.lineClient();      // the welcome line is already read
 *         raw.send("roomAdd lobby");
 *         assertThat(raw.readMap(Duration.ofSeconds(10))).containsEntry("data", true);
 *     }
 * }
 * }</pre>
 *
 * <p>With JUnit 5, {@link TetherExtension} does the start and close. Thread-safe: tests may
 * open clients from several threads.
 */
public final class TetherTestServer implements AutoCloseable {
    /** Loopback address every listener binds. */
    public static final String HOST = "127.0.0.1";
    private static final Duration WELCOME_TIMEOUT = Duration.ofSeconds(30);

    private final TetherServer server;
    private final AppConfig config;
    private final Queue<AutoCloseable> clients = new ConcurrentLinkedQueue<>(); // tests may open clients from any thread

    private TetherTestServer(TetherServer server, AppConfig config) {
        this.server = server;
        this.config = config;
    }

    /** Starts the application with the test defaults (free ports on 127.0.0.1, both protocols, no admin). */
    public static TetherTestServer start(TetherApplication application) {
        return builder(application).start();
    }

    /** A builder, to set configuration keys before starting. */
    public static Builder builder(TetherApplication application) {
        return new Builder(application);
    }

    /** The running server (its ports, addresses and core). */
    public TetherServer server() {
        return server;
    }

    /** The settings the server runs with. */
    public AppConfig config() {
        return config;
    }

    /** Port of the socket-protocol listener. */
    public int socketPort() {
        return server.port("socket");
    }

    /** Port of the JSTP listener. */
    public int jstpPort() {
        return server.port("jstp");
    }

    /** Port of the admin HTTP listener (set {@code tether.admin.port} to 0 to have one). */
    public int adminPort() {
        return server.port("admin");
    }

    /** A new raw socket-protocol connection (text lines in, JSON lines out), its welcome line already read. */
    public LineClient lineClient() {
        LineClient client = track(LineClient.connect(HOST, socketPort()));
        client.readLine(WELCOME_TIMEOUT);
        return client;
    }

    /** A new connected {@link SocketClient} (the Java counterpart of actionhero-node-client). */
    public SocketClient socketClient() {
        return track(SocketClient.connect(SocketClientOptions.builder().host(HOST).port(socketPort()).build()));
    }

    /** A new JSTP client, handshaken anonymously with the built-in application (actions and chat interfaces). */
    public JstpClient jstpClient() {
        return jstpClient(config.jstp().orElseThrow(() -> new IllegalStateException("JSTP is off")).builtinApplication());
    }

    /** A new JSTP client, handshaken anonymously with {@code application} ({@code name[@version range]}). */
    public JstpClient jstpClient(String application) {
        return track(JstpClient.connect(JstpClientOptions.builder().host(HOST).port(jstpPort()).build(), application));
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    /** Closes the clients opened here, then the server (gracefully, as on SIGTERM). */
    @Override
    public void close() {
        for (AutoCloseable client = clients.poll(); client != null; client = clients.poll()) {
            try {
                client.close();
            } catch (Exception ignored) {
                // already closed by the test, or the connection is gone: nothing left to release
            }
        }
        server.close();
    }

    /** Configuration of a test server; every {@code tether.*} key of {@code reference.conf} can be set. */
    public static final class Builder {
        private final TetherApplication application;
        private final Map<String, Object> settings = new LinkedHashMap<>();

        private Builder(TetherApplication application) {
            this.application = Objects.requireNonNull(application, "application");
            settings.put("tether.socket.host", HOST);
            settings.put("tether.socket.port", 0);
            settings.put("tether.jstp.host", HOST);
            settings.put("tether.jstp.port", 0);
            settings.put("tether.admin.host", HOST);
        }

        /** Sets one key, e.g. {@code config("tether.admin.port", 0)} for an admin listener on a free port. */
        public Builder config(String path, Object value) {
            settings.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws io.tether.api.TetherException {@code CONFIGURATION_ERROR} for a bad key or value
         */
        public TetherTestServer start() {
            Tether.applyDefaultLogging(); // INFO, not Logback's DEBUG fallback, unless the tests configure logging
            AppConfig config = AppConfig.from(ConfigLoader.load(null, Map.of(), settings), null);
            return new TetherTestServer(TetherApp.start(config, application), config);
        }
    }
}
