package io.tether.demo;

import io.tether.api.ErrorCode;
import io.tether.api.TetherException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which demo the demo application hosts ({@code tether.demo}, {@code TETHER_DEMO}, the demo
 * main's {@code --demo}); read by {@link DemoApplication} from the server's configuration. The demo actions ({@code status}, {@code randomNumber}, {@code cacheTest}, {@code sleepTest}) and
 * rooms ({@code defaultRoom}, {@code otherRoom}) are always there, on both protocols.
 */
public enum Demo {
    /** Only the demo actions and rooms (the default). */
    ACTIONHERO("actionhero", false),
    /** Also the JSTP test application {@code testApp} 1.0.0/2.0.0 with the login {@code user}/{@code secret}. */
    JSTP_TEST("jstp-test", true),
    /** Every demo. */
    ALL("all", true);

    private final String key;
    private final boolean jstpTestApp;

    Demo(String key, boolean jstpTestApp) {
        this.key = key;
        this.jstpTestApp = jstpTestApp;
    }

    /** The name used in configuration and on the command line. */
    public String key() {
        return key;
    }

    /** Whether the JSTP test application is hosted. */
    public boolean hostsJstpTestApp() {
        return jstpTestApp;
    }

    /**
     * The demo of that name (case-insensitive).
     *
     * @throws TetherException {@link ErrorCode#CONFIGURATION_ERROR} naming the valid values
     */
    public static Demo parse(String name) {
        for (Demo d : values()) {
            if (d.key.equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        String valid = Arrays.stream(values()).map(Demo::key).collect(Collectors.joining(", "));
        throw new TetherException(ErrorCode.CONFIGURATION_ERROR,
                "tether.demo must be one of " + valid + ", was '" + name.toLowerCase(Locale.ROOT) + "'");
    }
}
