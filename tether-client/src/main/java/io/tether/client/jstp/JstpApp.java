package io.tether.client.jstp;

import java.util.Objects;
import org.semver4j.Semver;
import org.semver4j.range.RangeListFactory;

/**
 * The application a client asks for in its handshake: a name and an optional version or
 * npm semver range, validated locally (an invalid range fails before anything is sent).
 *
 * @param name    application name
 * @param version exact version or range, or null for "the highest"
 */
public record JstpApp(String name, String version) {

    public JstpApp {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("application name must not be empty");
        }
        if (version != null && !isValidRange(version)) {
            throw new IllegalArgumentException("Invalid semver version range: " + version);
        }
    }

    /** {@code name} or {@code name@range}, split at the last {@code @}. */
    public static JstpApp parse(String app) {
        int at = app.lastIndexOf('@');
        return at > 0 ? new JstpApp(app.substring(0, at), app.substring(at + 1)) : new JstpApp(app, null);
    }

    /** Name plus version or range. */
    public static JstpApp of(String name, String version) {
        return new JstpApp(name, version);
    }

    /** Whether {@code range} is an exact version or a node-semver range. */
    public static boolean isValidRange(String range) {
        return Semver.isValid(range) || !RangeListFactory.create(range).get().isEmpty();
    }

    @Override
    public String toString() {
        return version == null ? name : name + "@" + version;
    }
}
