package io.tether.server.jstp;

import io.tether.server.jstp.auth.PasswordAuthenticator;
import io.tether.server.jstp.auth.PasswordHash;
import io.tether.testkit.jstp.JstpTestApp;
import java.util.Map;

/** Hosts the testkit's JSTP test application with its login on a listener's options. */
public final class TestApps {
    private TestApps() {
    }

    /** Both versions of {@code testApp} and its login, hashed with the recommended count. */
    public static JstpOptions configure(JstpOptions base) {
        return configure(base, PasswordHash.RECOMMENDED_ITERATIONS);
    }

    /** As {@link #configure(JstpOptions)} with another iteration count (tests that log in often use fewer). */
    public static JstpOptions configure(JstpOptions base, int iterations) {
        JstpOptions.Builder b = base.toBuilder().authenticator(new PasswordAuthenticator(Map.of(JstpTestApp.USER,
                PasswordHash.create(JstpTestApp.PASSWORD.toCharArray(), iterations))));
        JstpTestApp.applications().forEach(b::application);
        return b.build();
    }
}
