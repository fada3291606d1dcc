package io.tether.testkit.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * A Redis for integration tests, as a JUnit 5 extension registered once per test class:
 * the server named by {@code REDIS_URL} when that variable is set, otherwise an embedded
 * redis-server (codemonstur embedded-redis) on a free local port, started before the class's
 * tests and stopped after them. The embedded server keeps no data on disk, so
 * {@link #restart()} brings back an empty Redis, like a crashed cache server.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisTestServer REDIS = new RedisTestServer();
 *
 * @Test
 * void works() {
 *     RedisOptions options = RedisOptions.builder().uri(REDIS.uri()).keyPrefix(REDIS.uniquePrefix()).build();
 *     ...
 * }
 * }</pre>
 *
 * Tests sharing one external Redis stay apart by using {@link #uniquePrefix()} as key prefix.
 */
public final class RedisTestServer implements BeforeAllCallback, AfterAllCallback {
    /** The variable naming an external Redis. */
    public static final String REDIS_URL_ENV = "REDIS_URL";

    private final String externalUri;
    private RedisServer embedded;
    private int port;

    /** Uses {@code REDIS_URL} when set, an embedded server otherwise. */
    public RedisTestServer() {
        String env = System.getenv(REDIS_URL_ENV);
        this.externalUri = env == null || env.isBlank() ? null : env.strip();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the embedded server (on the same port as before, if it ran already); no-op for an external one. */
    public void start() {
        if (externalUri != null || embedded != null && embedded.isActive()) {
            return;
        }
        try {
            if (port == 0) {
                port = freePort();
            }
            embedded = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            embedded.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded redis on port " + port, e);
        }
    }

    /** Stops the embedded server (its data is lost); no-op for an external one. */
    public void stop() {
        if (embedded == null || !embedded.isActive()) {
            return;
        }
        try {
            embedded.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded redis on port " + port, e);
        }
    }

    /** Stops and starts the embedded server on the same port. */
    public void restart() {
        stop();
        start();
    }

    /** Whether this server can be stopped and restarted by the test (skip fault tests otherwise). */
    public boolean controllable() {
        return externalUri == null;
    }

    /** Skips the calling test unless the server is {@link #controllable()}. */
    public void assumeControllable() {
        Assumptions.assumeTrue(controllable(), "REDIS_URL points at an external Redis that tests cannot stop");
    }

    /** The URI to connect to, e.g. {@code redis://127.0.0.1:53127}. */
    public String uri() {
        return externalUri != null ? externalUri : "redis://127.0.0.1:" + port;
    }

    /** A key prefix no other test uses, e.g. {@code test-1a2b3c4d:}. */
    public String uniquePrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
