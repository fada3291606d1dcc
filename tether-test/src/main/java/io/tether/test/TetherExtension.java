package io.tether.test;

import io.tether.app.TetherApplication;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link TetherTestServer} for a test class: started before its
 * first test, closed (with the clients it opened) after its last. Register it on a
 * {@code static} field; test methods can also take the server as a parameter.
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
 */
public final class TetherExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final TetherTestServer.Builder builder;
    private volatile TetherTestServer server;

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
     * @throws IllegalStateException outside the test class's lifetime (or when the extension is not on a static field)
     */
    public TetherTestServer server() {
        TetherTestServer running = server;
        if (running == null) {
            throw new IllegalStateException("no server running: register TetherExtension on a static field "
                    + "with @RegisterExtension");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
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
