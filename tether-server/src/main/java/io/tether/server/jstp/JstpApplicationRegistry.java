package io.tether.server.jstp;

import io.tether.api.jstp.JstpApplication;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * The applications a server hosts and the version selection of a handshake: no version → the
 * highest; an exact version → exactly that string; otherwise an npm range → the highest
 * satisfying version (prereleases excluded unless the range names one); else not found.
 *
 * <p>The requested name and version come from an unauthenticated peer and are matched on
 * an event loop: a name over {@value #MAX_NAME_LENGTH} or a version over
 * {@value #MAX_VERSION_LENGTH} characters is not found without being parsed, and the exact
 * version check is a single linear scan (no regex, which backtracked quadratically on
 * space-padded versions). semver4j's own range parser is linear on inputs of that length.
 */
public final class JstpApplicationRegistry {
    /** Longest application name a handshake may request; longer ones are not found. */
    public static final int MAX_NAME_LENGTH = 256;
    /** Longest version or range a handshake may request; longer ones are not found. */
    public static final int MAX_VERSION_LENGTH = 256;

    private final Map<String, Map<String, JstpApplication>> byName = new ConcurrentHashMap<>();

    /** A registry holding the given applications. */
    public JstpApplicationRegistry(Collection<JstpApplication> apps) {
        apps.forEach(this::register);
    }

    /** Adds an application; the same name and version twice, or a version that is not full semver, is an error. */
    public void register(JstpApplication app) {
        if (Semver.parse(app.version()) == null) {
            throw new IllegalArgumentException("application needs a semver version: " + app);
        }
        Map<String, JstpApplication> versions = byName.computeIfAbsent(app.name(), n -> new ConcurrentHashMap<>());
        if (versions.putIfAbsent(app.version(), app) != null) {
            throw new IllegalArgumentException("application " + app + " is already registered");
        }
    }

    /** Selects an application by name and the requested version or range (null: highest). */
    public Optional<JstpApplication> select(String name, String requested) {
        if (name == null || name.length() > MAX_NAME_LENGTH
                || (requested != null && requested.length() > MAX_VERSION_LENGTH)) {
            return Optional.empty();
        }
        Map<String, JstpApplication> versions = byName.get(name);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        if (requested == null || requested.isEmpty()) {
            if (versions.size() == 1) { // the common case: no version parsing per handshake
                return Optional.of(versions.values().iterator().next());
            }
            return highest(versions.values().stream().toList());
        }
        if (ExactVersion.isValid(requested)) {
            return Optional.ofNullable(versions.get(requested));
        }
        RangeList range = parseRange(requested);
        if (range == null) {
            return Optional.empty();
        }
        return highest(versions.values().stream()
                .filter(a -> new Semver(a.version()).satisfies(range)).toList());
    }

    private static RangeList parseRange(String requested) {
        try {
            RangeList range = RangeListFactory.create(requested, false);
            return range.get().isEmpty() ? null : range;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<JstpApplication> highest(List<JstpApplication> apps) {
        return apps.stream().max(Comparator.comparing(a -> new Semver(a.version())));
    }

    /** Every hosted application. */
    public List<JstpApplication> all() {
        return byName.values().stream().flatMap(v -> v.values().stream()).toList();
    }
}
