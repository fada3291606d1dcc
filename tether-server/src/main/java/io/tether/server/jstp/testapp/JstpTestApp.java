package io.tether.server.jstp.testapp;

import io.tether.server.jstp.JstpOptions;
import io.tether.server.jstp.app.JstpApplication;
import io.tether.server.jstp.app.JstpCallContext;
import io.tether.server.jstp.app.JstpInterface;
import io.tether.server.jstp.app.JstpRemoteError;
import io.tether.server.jstp.auth.JstpAuthenticator;
import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSTP test application of {@code jstp-test-app.md}: {@code testApp} 1.0.0 and 2.0.0
 * with the interfaces {@code calculator}, {@code someService} and {@code testInterface},
 * and the login {@code user}/{@code secret} (stored as a salted PBKDF2 hash).
 *
 * <pre>{@code
 * JstpOptions options = JstpTestApp.configure(JstpOptions.defaults());
 * new JstpProtocolServer(core, options);
 * }</pre>
 */
public final class JstpTestApp {
    /** Application name. */
    public static final String NAME = "testApp";
    /** Versions hosted. */
    public static final List<String> VERSIONS = List.of("1.0.0", "2.0.0");

    private JstpTestApp() {
    }

    /**
     * Options with both versions of the test application and its authenticator added; the
     * password is hashed here, once, with {@link PasswordHash#RECOMMENDED_ITERATIONS}.
     */
    public static JstpOptions configure(JstpOptions base) {
        return configure(base, PasswordHash.RECOMMENDED_ITERATIONS);
    }

    /** As {@link #configure(JstpOptions)} with another iteration count (tests that log in often use fewer). */
    public static JstpOptions configure(JstpOptions base, int iterations) {
        JstpOptions.Builder b = base.toBuilder().authenticator(authenticator(iterations));
        applications().forEach(b::application);
        return b.build();
    }

    /** Both versions of {@code testApp}. */
    public static List<JstpApplication> applications() {
        return VERSIONS.stream().map(JstpTestApp::application).toList();
    }

    /** The test login policy: user {@code user}, password {@code secret}, hashed with the recommended count. */
    public static JstpAuthenticator authenticator() {
        return authenticator(PasswordHash.RECOMMENDED_ITERATIONS);
    }

    /** The test login policy with the password hashed with {@code iterations} PBKDF2 iterations. */
    public static JstpAuthenticator authenticator(int iterations) {
        return new PasswordAuthenticator(Map.of("user", PasswordHash.create("secret".toCharArray(), iterations)));
    }

    /** One version of {@code testApp}. */
    public static JstpApplication application(String version) {
        return JstpApplication.builder(NAME, version)
                .iface(calculator())
                .iface(someService())
                .iface(TestInterface.create())
                .onEvent(TestInterface::recordEvent)
                .build();
    }

    private static JstpInterface calculator() {
        return JstpInterface.builder("calculator")
                .sync("answer", 0, ctx -> List.of(42))
                .sync("divide", 2, JstpTestApp::divide)
                .sync("doNothing", 0, ctx -> List.of())
                .build();
    }

    private static List<Object> divide(JstpCallContext ctx) {
        double a = ctx.number(0);
        double b = ctx.number(1);
        if (b == 0) {
            throw new JstpRemoteError(1, "Zero division");
        }
        return List.of(a / b);
    }

    private static JstpInterface someService() {
        return JstpInterface.builder("someService")
                .sync("sayHi", 1, ctx -> List.of("Hi, " + ctx.arg(0) + "!"))
                .sync("say", 1, ctx -> one(ctx.arg(0)))
                .build();
    }

    /** A one-element result list that may hold null. */
    static List<Object> one(Object value) {
        return new ArrayList<>(Arrays.asList(value));
    }
}
