package io.tether.testkit.jstp;

import io.tether.api.MethodContext;
import io.tether.api.TetherException;
import io.tether.api.jstp.JstpApplication;
import io.tether.api.jstp.JstpInterface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JSTP test application the acceptance suites call: {@code testApp} 1.0.0 and 2.0.0 with
 * the interfaces {@code calculator}, {@code someService} and {@code testInterface}, written
 * on the api types only. Its login is {@link #USER}/{@link #PASSWORD}; the server side
 * (the demo's {@code --demo jstp-test}, tests) installs an authenticator for it.
 *
 * <pre>{@code
 * JstpOptions.Builder b = JstpOptions.defaults().toBuilder()
 *         .authenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER,
 *                 PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS))));
 * JstpTestApp.applications().forEach(b::application);
 * }</pre>
 */
public final class JstpTestApp {
    /** Application name. */
    public static final String NAME = "testApp";
    /** Versions hosted. */
    public static final List<String> VERSIONS = List.of("1.0.0", "2.0.0");
    /** The user name that logs in. */
    public static final String USER = "user";
    /** Its password. */
    public static final String PASSWORD = "secret";

    private JstpTestApp() {
    }

    /** Both versions of {@code testApp}. */
    public static List<JstpApplication> applications() {
        return VERSIONS.stream().map(JstpTestApp::application).toList();
    }

    /** One version of {@code testApp}. */
    public static JstpApplication application(String version) {
        return JstpApplication.builder(NAME, version)
                .iface(calculator())
                .iface(someService())
                .iface(TestInterface.create(version))
                .onEvent(TestInterface::recordEvent)
                .build();
    }

    private static JstpInterface calculator() {
        return JstpInterface.builder("calculator")
                .nonBlocking("answer", 0, ctx -> List.of(42))
                .nonBlocking("divide", 2, JstpTestApp::divide)
                .nonBlocking("doNothing", 0, ctx -> List.of())
                .build();
    }

    private static List<Object> divide(MethodContext ctx) {
        double a = ctx.number(0);
        double b = ctx.number(1);
        if (b == 0) {
            throw TetherException.withProtocolCode(1, "Zero division");
        }
        return List.of(a / b);
    }

    private static JstpInterface someService() {
        return JstpInterface.builder("someService")
                .nonBlocking("sayHi", 1, ctx -> List.of("Hi, " + ctx.arg(0) + "!"))
                .nonBlocking("say", 1, ctx -> one(ctx.arg(0)))
                .build();
    }

    /** A one-element result list that may hold null. */
    static List<Object> one(Object value) {
        return new ArrayList<>(Arrays.asList(value));
    }
}
