package io.tether.test;

import io.tether.app.TetherApplication;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link TetherTestServer} for your tests. Register it with
 * {@code @RegisterExtension}:
 * <ul>
 *   <li>on a {@code static} field: one server for the test class, started before its first test
 *       and closed (with the clients it opened) after its last;</li>
 *   <li>on an instance field: a fresh server for each test (each test instance; with
 *       {@code @TestInstance(PER_CLASS)}, still one per test), started before the test's
 *       {@code @BeforeEach} methods and closed after its {@code @AfterEach} methods.</li>
 * </ul>
 * Test methods, {@code @BeforeEach}/{@code @AfterEach} methods and &mdash; with a static field
 * &mdash; the test class's constructor can take the {@link TetherTestServer} as a parameter
 * (a constructor cannot with an instance field: that extension is registered only once the
 * instance exists).
 *
 * <pre>{@code
 * class ChatApplicationTest {
 *     @RegisterExtension
 *     static final TetherExtension tether = TetherExtension.of(new ChatApplication());
 *
 *     @Test
 *     void greets() {
 *         assertThat(tether.server().socketClient().actionWithParams("greet", Map.of("name", "Ada")).join()
 *                 .get("greeting")).isEqualTo("Hello, Ada!");
 *     }
 *
 *     @Test
 *     void greetsOverJstp(TetherTestServer server) {
 *         assertThat(server.jstpClient().callMethod("api", "greet", Map.of("name", "Ada")).join()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <pre>{@code
 * class FreshServerTest {
 *     @RegisterExtension
 *     final TetherExtension tether = TetherExtension.of(new ChatApplication()); // one server per test
 *
 *     @Test
 *     void startsEmpty(TetherTestServer server) {
 *         assertThat(server.socketClient().action("roomList").join()).isNotNull();
 *     }
 * }
 * }</pre>
 */
public final class TetherExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final TetherTestServer.Builder builder;
    private volatile TetherTestServer server;
    private volatile boolean perTest; // registered on an instance field: started in beforeEach

    private TetherExtension(TetherTestServer.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The application with the test defaults (free ports on 127.0.0.1, both protocols). */
    public static TetherExtension of(TetherApplication application) {
        return new TetherExtension(TetherTestServer.builder(application));
    }

    /** The application with settings of your own, e.g. {@code TetherTestServer.builder(app).config("tether.admin.port", 0)}. */
    public static TetherExtension of(TetherTestServer.Builder builder) {
        return new TetherExtension(builder);
    }

    /**
     * The running server.
     *
     * @throws IllegalStateException outside the server's lifetime (the test class's for a static
     *                               field, the test's for an instance field), or when the extension
     *                               is not registered with {@code @RegisterExtension}
     */
    public TetherTestServer server() {
        TetherTestServer running = server;
        if (running == null) {
            throw new IllegalStateException("no server running: register TetherExtension with @RegisterExtension "
                    + "on a static field (one server per class) or an instance field (one per test), and use it "
                    + "while the class's or the test's server runs");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Registered on an instance field (no {@link #beforeAll}): a server for this test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            perTest = true;
            server = builder.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            perTest = false;
            close();
        }
    }

    private void close() {
        TetherTestServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TetherTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }
}
